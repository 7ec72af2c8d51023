/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters: registration authority (1) + organisation kind (1) +
 * administrative division (6) + organisation code (9, GB 11714, with its own
 * check character) + check character (1). Government organs are `11`.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** GB 11714 organisation code: 8 body characters, weights below, mod 11. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
const ORG_CODE_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** The GB 32100 check character for the first 17 characters, or null if they use a character outside the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i])
    if (value < 0) return null
    sum += value * USCC_WEIGHTS[i]
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]
}

/** True when the code has 18 characters from the GB 32100 charset and a correct check character. */
export function isValidUscc(raw: string): boolean {
  const code = raw.trim().toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  return usccCheckChar(code.slice(0, 17)) === code[17]
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const value = ORG_CODE_CHARSET.indexOf(body8[i])
    if (value < 0) return null
    sum += value * ORG_CODE_WEIGHTS[i]
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/**
 * Builds a full code from its parts, computing both check characters.
 * `kind` is registration authority + organisation kind (`11` = 机构编制/机关).
 */
export function makeUscc(kind: string, division: string, orgBody8: string): string {
  const orgCheck = orgCodeCheckChar(orgBody8)
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(kind) || !/^\d{6}$/.test(division) || orgCheck === null) {
    throw new Error(`cannot build a credit code from ${kind}/${division}/${orgBody8}`)
  }
  const first17 = kind + division + orgBody8 + orgCheck
  const check = usccCheckChar(first17)
  if (check === null) throw new Error(`organisation code ${orgBody8}${orgCheck} uses a character outside GB 32100`)
  return first17 + check
}
