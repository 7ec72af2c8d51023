#!/usr/bin/env bash
# `npm test`: every test of the project, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }
server_tests() { find server/src server/test mock scripts -name '*.test.ts' -not -path '*/node_modules/*' | sort; }

step "Type-check the app, the contract and the server"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p server
npx tsc --noEmit -p e2e

step "App and contract unit tests (Jest)"
npx jest --ci

step "Server, simulator and seed tests on embedded PGlite"
TEST_DATABASE=pglite node --import tsx --test $(server_tests)

step "Server tests on PostgreSQL"
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e "const c=new (require('pg').Client)('$pg_url');c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))"; then
  TEST_DATABASE=postgres TEST_DATABASE_URL="$pg_url" node --import tsx --test server/test/*.test.ts
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $pg_url, and CI must test on it" >&2
  exit 1
else
  echo "PostgreSQL not reachable at $pg_url: skipped here (CI runs it)"
fi

step "Production builds (mini-program and H5)"
npm run build:weapp
npm run build:h5

step "Mini-program runtime smoke and browser journeys"
node --import tsx --test e2e/*.test.ts
