/**
 * The seeded demo city: 玉门市 (Yumen, Gansu; division code 620981), its
 * citizen centre, departments, services and demo staff accounts.
 */
import { departments } from './departments'
import { halls } from './halls'
import { matters } from './matters'
import { staff } from './staff'
import { appointmentSlots } from './appointments'
import { bundles } from './bundles'
import { formFields } from './formFields'
import type { DemoCity } from './types'

export const demoCity: DemoCity = { departments, halls, matters, staff, bundles, formFields, appointmentSlots }
