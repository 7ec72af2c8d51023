import { makeAutoObservable, runInAction } from 'mobx'
import type {
  CallNextResult,
  HallClosure,
  HallClosureResult,
  SlotTemplate,
  SlotTemplateChange,
  StaffAppointment,
  StaffDayView,
} from '../../../types/appointments'
import type { Hall } from '../../../types/catalog'
import type { MatterSummary } from '../../../types/matters'
import type { StaffProfile } from '../../../types/auth'
import type { AppointmentStaffAction } from '../../../types/enums'
import type { Api } from '../../api'
import { userMessage } from '../../api/ApiError'
import { staffAppointmentsApi, type StaffAppointmentsApi } from '../../api/staffAppointments'
import type { LoadStatus } from '../../stores/loadState'
import type { RootStore } from '../../stores/RootStore'
import { shanghaiDate } from './dates'
import { validateClosure, validateTemplate, type ClosureForm, type FormErrors, type TemplateForm } from './slotForms'

/** An action's result as a screen shows it: done, or the server's sentence. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * The hall side of appointments: a day per hall and window (booked, checked
 * in, served, no-show), check-in by scanned or typed code, 叫号, 办理完成 /
 * 标记未到 (offered as the server's `allowedActions`), and for admins the
 * slot templates and hall closures. What is allowed and every count is the
 * server's answer; after each action the day is read again.
 *
 * Built on first use by the staff subpackage (`staffBookingOf`).
 */
export class StaffBookingStore {
  halls: Hall[] = []
  hallsStatus: LoadStatus = 'idle'
  hallsError: string | null = null
  hallId: string | null = null
  windowNumber: string | null = null
  date: string

  day: StaffDayView | null = null
  dayStatus: LoadStatus = 'idle'
  dayError: string | null = null
  /** The last check-in and call, shown large for the citizen at the window. */
  lastCheckIn: StaffAppointment | null = null
  lastCall: CallNextResult | null = null

  matters: MatterSummary[] = []
  templates: SlotTemplate[] = []
  templatesStatus: LoadStatus = 'idle'
  templatesError: string | null = null
  /** The server's answer to the last capacity change: how many slots and citizens it touched. */
  lastChange: SlotTemplateChange | null = null
  closures: HallClosure[] = []
  lastClosure: HallClosureResult | null = null

  constructor(
    private readonly client: StaffAppointmentsApi,
    private readonly api: Api,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.date = shanghaiDate(now())
    makeAutoObservable<StaffBookingStore, 'client' | 'api' | 'now'>(this, { client: false, api: false, now: false })
  }

  get today(): string {
    return shanghaiDate(this.now())
  }

  get hall(): Hall | undefined {
    return this.halls.find((h) => h.id === this.hallId)
  }

  /** Windows of the chosen hall this staff member works at: their department's, or every one for an admin. */
  windowsFor(staff: StaffProfile | null): string[] {
    const windows = this.hall?.windows ?? []
    const own = staff?.department ? windows.filter((w) => w.departmentId === staff.department?.id) : windows
    return own.map((w) => w.number)
  }

  /** The halls, once; the first one (or the one with the staff member's windows) is chosen. */
  async loadHalls(staff: StaffProfile | null): Promise<void> {
    if (this.hallsStatus === 'ready' || this.hallsStatus === 'loading') return
    this.hallsStatus = 'loading'
    this.hallsError = null
    try {
      const { items } = await this.api.halls.list()
      runInAction(() => {
        this.halls = items
        const departmentId = staff?.department?.id
        const own = items.find((h) => h.windows.some((w) => w.departmentId === departmentId)) ?? items[0]
        if (!this.hallId && own) this.hallId = own.id
        this.hallsStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.hallsStatus = 'error'
        this.hallsError = userMessage(error)
      })
    }
  }

  selectHall(hallId: string): void {
    if (hallId === this.hallId) return
    this.hallId = hallId
    this.windowNumber = null
    this.day = null
    this.templates = []
    this.closures = []
  }

  selectWindow(windowNumber: string | null): Promise<void> {
    this.windowNumber = windowNumber
    return this.loadDay()
  }

  setDate(date: string): Promise<void> {
    this.date = date
    return this.loadDay()
  }

  async loadDay(): Promise<void> {
    const query = { date: this.date, hallId: this.hallId ?? undefined, windowNumber: this.windowNumber ?? undefined }
    this.dayStatus = 'loading'
    this.dayError = null
    try {
      const day = await this.client.day(query)
      runInAction(() => {
        // An answer to an older query (another hall, window or date) is dropped.
        if (query.date !== this.date || query.hallId !== (this.hallId ?? undefined) || query.windowNumber !== (this.windowNumber ?? undefined)) return
        this.day = day
        this.dayStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.dayStatus = 'error'
        this.dayError = userMessage(error)
      })
    }
  }

  /** 签到取号 with what was scanned or typed; the server finds the code (prefix, case and dashes forgiven). */
  async checkIn(code: string): Promise<Outcome<StaffAppointment>> {
    const text = code.trim()
    if (text.length < 4) return { ok: false, message: '请输入预约签到码（8位）或扫描预约二维码' }
    try {
      const appointment = await this.client.checkIn(text)
      runInAction(() => {
        this.lastCheckIn = appointment
      })
      void this.loadDay()
      return { ok: true, value: appointment }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  /** 叫号 for the chosen window. */
  async callNext(): Promise<Outcome<CallNextResult>> {
    if (!this.hallId || !this.windowNumber) return { ok: false, message: '请先选择窗口' }
    try {
      const result = await this.client.callNext({ hallId: this.hallId, windowNumber: this.windowNumber })
      runInAction(() => {
        this.lastCall = result
      })
      void this.loadDay()
      return { ok: true, value: result }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  /** 签到取号 (by booking) / 办理完成 / 标记未到; the server's answer replaces the row, then the counts are read again. */
  async act(id: string, action: AppointmentStaffAction): Promise<Outcome<StaffAppointment>> {
    try {
      const appointment = await this.client.act(id, action)
      runInAction(() => {
        if (this.day) this.day = { ...this.day, items: this.day.items.map((item) => (item.id === id ? appointment : item)) }
        if (action === 'checkIn') this.lastCheckIn = appointment
      })
      void this.loadDay()
      return { ok: true, value: appointment }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  // ---- admin: slot templates and closures ----

  /** The hall's templates and upcoming closures, and the matters a template can be made for. */
  async loadSettings(): Promise<void> {
    const hallId = this.hallId ?? undefined
    this.templatesStatus = 'loading'
    this.templatesError = null
    try {
      const [templates, closures, matters] = await Promise.all([
        this.client.templates({ hallId }),
        this.client.closures({ hallId }),
        this.matters.length ? Promise.resolve(null) : this.api.staff.listMatters({ page: 1, pageSize: 50 }),
      ])
      runInAction(() => {
        if (hallId !== (this.hallId ?? undefined)) return
        this.templates = templates.items
        this.closures = closures.items
        if (matters) this.matters = matters.items.filter((m) => m.flags.appointment)
        this.templatesStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.templatesStatus = 'error'
        this.templatesError = userMessage(error)
      })
    }
  }

  /** New weekly slots; field errors come back before any request, the server's refusal (e.g. overlap) as a message. */
  async createTemplates(form: TemplateForm): Promise<Outcome<SlotTemplate[]> & { errors?: FormErrors<TemplateForm> }> {
    const errors = validateTemplate(form)
    if (Object.keys(errors).length) return { ok: false, message: '', errors }
    try {
      const { items } = await this.client.createTemplates({
        matterId: form.matterId,
        weekdays: [...form.weekdays].sort(),
        startTime: form.startTime,
        capacity: Number(form.capacity),
        ...(form.lengthMinutes.trim() ? { lengthMinutes: Number(form.lengthMinutes) } : {}),
      })
      void this.loadSettings()
      return { ok: true, value: items }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  /** Capacity or active; the answer (slots changed, kept overbooked, citizens told) is kept to show. */
  async updateTemplate(id: string, patch: { capacity?: number; active?: boolean }): Promise<Outcome<SlotTemplateChange>> {
    if (patch.capacity !== undefined && !(Number.isInteger(patch.capacity) && patch.capacity >= 0 && patch.capacity <= 500)) {
      return { ok: false, message: '每个时段可约人数为0–500' }
    }
    try {
      const change = await this.client.updateTemplate(id, patch)
      runInAction(() => {
        this.lastChange = change
        this.templates = this.templates.map((t) => (t.id === id ? change.template : t))
      })
      return { ok: true, value: change }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  async createClosure(form: ClosureForm): Promise<Outcome<HallClosureResult> & { errors?: FormErrors<ClosureForm> }> {
    const errors = validateClosure(form, this.today)
    if (!this.hallId) return { ok: false, message: '请先选择大厅' }
    if (Object.keys(errors).length) return { ok: false, message: '', errors }
    try {
      const result = await this.client.createClosure({ hallId: this.hallId, from: form.from, to: form.to, reason: form.reason.trim() })
      runInAction(() => {
        this.lastClosure = result
        this.closures = [...this.closures, result.closure].sort((a, b) => a.from.localeCompare(b.from))
      })
      return { ok: true, value: result }
    } catch (error) {
      return { ok: false, message: userMessage(error) }
    }
  }

  reset(): void {
    this.halls = []
    this.hallsStatus = 'idle'
    this.hallsError = null
    this.hallId = null
    this.windowNumber = null
    this.date = shanghaiDate(this.now())
    this.day = null
    this.dayStatus = 'idle'
    this.dayError = null
    this.lastCheckIn = null
    this.lastCall = null
    this.matters = []
    this.templates = []
    this.templatesStatus = 'idle'
    this.templatesError = null
    this.lastChange = null
    this.closures = []
    this.lastClosure = null
  }
}

/** The staff appointment store of this RootStore, built on first use (tests pass a fake `client` and clock). */
export function staffBookingOf(root: RootStore, client: StaffAppointmentsApi = staffAppointmentsApi, now?: () => Date): StaffBookingStore {
  return root.feature('staffBooking', (api) => new StaffBookingStore(client, api, now))
}
