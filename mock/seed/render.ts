/**
 * Writes every template and sample PDF of the demo city into a folder, to
 * look at them: `npx tsx mock/seed/render.ts /tmp/yumen-forms`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoCity } from './city'
import { renderMaterialDocuments } from './documents'

const outDir = process.argv[2]
if (!outDir) {
  console.error('usage: tsx mock/seed/render.ts <output folder>')
  process.exit(2)
}
let count = 0
for (const matter of demoCity.matters) {
  const dir = join(outDir, matter.key)
  for (const material of matter.materials) {
    const { template, sample } = renderMaterialDocuments(material)
    for (const doc of [template, sample]) {
      if (!doc) continue
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, doc.fileName), doc.pdf)
      count++
    }
  }
}
console.log(`wrote ${count} PDFs under ${outDir}`)
