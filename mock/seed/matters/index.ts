import type { SeedMatter } from '../types'
import { civilAffairsMatters } from './civilAffairs'
import { hrssMatters } from './hrss'
import { marketMatters } from './market'
import { publicSecurityMatters } from './publicSecurity'
import { realEstateMatters } from './realEstate'
import { transportMatters } from './transport'

export const matters: SeedMatter[] = [
  ...marketMatters,
  ...hrssMatters,
  ...realEstateMatters,
  ...publicSecurityMatters,
  ...transportMatters,
  ...civilAffairsMatters,
]
