/**
 * Weekly appointment slots (预约时段) of the demo city: every matter whose guide
 * supports appointments gets 30-minute slots through office hours
 * (08:30–12:00, 14:30–18:00), the last one starting half an hour before
 * closing. Weekdays 6 and 7 are included so 调休 working weekends take
 * bookings like any working day; ordinary weekends are never offered.
 * Capacities follow how many windows serve the matter: busy registration
 * windows take more people per slot than a single specialised window.
 */
import { matters } from './matters'
import type { SeedSlotPlan } from './types'

const MORNING = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']
const AFTERNOON = ['14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30']

/** Per department key: people per 30-minute slot. */
const CAPACITY: Record<string, number> = { scjg: 4, rsj: 3, bdc: 3, ga: 4, jt: 2, mz: 2 }

export const appointmentSlots: SeedSlotPlan[] = matters
  .filter((m) => m.flags.appointment)
  .map((m) => ({
    matterKey: m.key,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startTimes: [...MORNING, ...AFTERNOON],
    lengthMinutes: 30,
    capacity: CAPACITY[m.departmentKey] ?? 2,
  }))
