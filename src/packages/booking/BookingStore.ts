import { makeAutoObservable, runInAction } from 'mobx'
import type { Appointment, Availability, BookingBan } from '../../../types/appointments'
import { userMessage } from '../../api/ApiError'
import { appointmentsApi, type AppointmentsApi } from '../../api/appointments'
import type { LoadEntry } from '../../stores/CaseStore'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'

export const APPOINTMENT_PAGE_SIZE = 20

const IDLE: LoadEntry = { status: 'idle', error: null }

/** What a booking attempt came to: the booking, or the server's reason to show as is. */
export type BookingOutcome = { ok: true; appointment: Appointment } | { ok: false; message: string }

/**
 * A citizen's appointments (预约): availability per service (days, slots and
 * live remaining counts), booking, 我的预约, one booking with its check-in
 * code and queue number, cancel and reschedule. Every rule — window, cut-off,
 * capacity, one per day, the no-show ban — is the server's; this store keeps
 * what it said and asks again when counts may have moved.
 *
 * Built on first use by the booking subpackage (`bookingOf`), so its code ships there.
 */
export class BookingStore {
  /** 待办 (booked or checked in) or every booking. */
  activeOnly = true
  readonly mine: PagedList<Appointment>
  /** The ban the last list answer carried (null: none). */
  listBan: BookingBan | null = null

  private readonly availabilities = new Map<string, Availability>()
  private readonly availabilityEntries = new Map<string, LoadEntry>()
  private readonly bookings = new Map<string, Appointment>()
  private readonly bookingEntries = new Map<string, LoadEntry>()

  constructor(private readonly api: AppointmentsApi) {
    this.mine = new PagedList((page) =>
      api.list({ page, pageSize: APPOINTMENT_PAGE_SIZE, active: this.activeOnly || undefined }).then((result) => {
        runInAction(() => {
          this.listBan = result.bookingBan
          result.items.forEach((item) => this.remember(item))
        })
        return result
      }),
    )
    makeAutoObservable<BookingStore, 'api'>(this, { api: false, mine: false })
  }

  // ---- availability ----

  availability(matterId: string): Availability | undefined {
    return this.availabilities.get(matterId)
  }

  availabilityStatus(matterId: string): LoadEntry {
    return this.availabilityEntries.get(matterId) ?? IDLE
  }

  /** Days and slots as the server counts them now; the previous answer stays on screen while loading. */
  async loadAvailability(matterId: string): Promise<void> {
    this.availabilityEntries.set(matterId, { status: 'loading', error: null })
    try {
      const availability = await this.api.availability(matterId)
      runInAction(() => {
        this.availabilities.set(matterId, availability)
        this.availabilityEntries.set(matterId, { status: 'ready', error: null })
      })
    } catch (error) {
      runInAction(() => this.availabilityEntries.set(matterId, { status: 'error', error: userMessage(error) }))
    }
  }

  // ---- booking, cancel, reschedule ----

  /**
   * Books a slot (or moves `rescheduleId` to it). A refusal — full, one per
   * day, banned — comes back as the server's message, and the counts are
   * fetched again so the screen shows what is really left.
   */
  async book(matterId: string, slotId: string, options: { caseId?: string; rescheduleId?: string } = {}): Promise<BookingOutcome> {
    try {
      const appointment = options.rescheduleId
        ? await this.api.reschedule(options.rescheduleId, { slotId })
        : await this.api.book(options.caseId ? { slotId, caseId: options.caseId } : { slotId })
      runInAction(() => this.remember(appointment))
      // The old booking is now cancelled (已改约) and points to the new one; its page may still be open below.
      if (options.rescheduleId) void this.loadAppointment(options.rescheduleId)
      void this.loadAvailability(matterId)
      void this.reloadMineIfShown()
      return { ok: true, appointment }
    } catch (error) {
      void this.loadAvailability(matterId)
      return { ok: false, message: userMessage(error) }
    }
  }

  /** Cancels before the cut-off; the server's answer replaces the booking. Rejects with its reason. */
  async cancel(id: string, reason: string): Promise<void> {
    const text = reason.trim()
    const appointment = await this.api.cancel(id, text ? { reason: text } : {})
    // Patched in place: the list keeps showing it, now 已取消, until the next refresh.
    runInAction(() => this.remember(appointment))
  }

  // ---- one booking ----

  appointment(id: string): Appointment | undefined {
    return this.bookings.get(id)
  }

  appointmentStatus(id: string): LoadEntry {
    return this.bookingEntries.get(id) ?? IDLE
  }

  /** Reads one booking (again): after check-in it carries the queue number and, once called, the window. */
  async loadAppointment(id: string): Promise<void> {
    const known = this.bookings.has(id)
    if (!known) this.bookingEntries.set(id, { status: 'loading', error: null })
    try {
      const appointment = await this.api.get(id)
      runInAction(() => this.remember(appointment))
    } catch (error) {
      runInAction(() => this.bookingEntries.set(id, { status: 'error', error: userMessage(error) }))
    }
  }

  setActiveOnly(activeOnly: boolean): Promise<void> {
    this.activeOnly = activeOnly
    return this.mine.reload()
  }

  reset(): void {
    this.activeOnly = true
    this.mine.reset()
    this.listBan = null
    this.availabilities.clear()
    this.availabilityEntries.clear()
    this.bookings.clear()
    this.bookingEntries.clear()
  }

  private reloadMineIfShown(): Promise<void> {
    return this.mine.status === 'idle' ? Promise.resolve() : this.mine.reload()
  }

  private remember(appointment: Appointment): void {
    this.bookings.set(appointment.id, appointment)
    this.bookingEntries.set(appointment.id, { status: 'ready', error: null })
    this.mine.patch(appointment.id, appointment)
  }
}

/** The booking store of this RootStore, built on first use (tests pass a fake `client`). */
export function bookingOf(root: RootStore, client: AppointmentsApi = appointmentsApi): BookingStore {
  return root.feature('booking', () => new BookingStore(client))
}
