import { makeAutoObservable, runInAction } from 'mobx'
import type { CitizenProfile, CitizenSession, StaffProfile, StaffSession } from '../../types/auth'
import type { SmsCodeSent } from '../../types/auth'
import { ApiError, type Api } from '../api'
import type { KeyValueStorage } from './storage'

export const SESSION_STORAGE_KEY = 'paoyici.session'

export type SessionKind = 'citizen' | 'staff'

interface StoredSession {
  kind: SessionKind
  token: string
  expiresAt: string
}

/**
 * Who is signed in: nobody, a citizen, or a staff member (one session at a
 * time; a staff sign-in replaces a citizen's). The token is persisted; on
 * launch `restore()` asks the server whether it still holds. Any 401 on a
 * request that carried the token ends the session (`expire()`).
 */
export class SessionStore {
  kind: SessionKind | null = null
  token: string | null = null
  expiresAt: string | null = null
  citizen: CitizenProfile | null = null
  staff: StaffProfile | null = null
  /** False until restore() has settled; pages that need a session wait for it. */
  restored = false
  /** Set when a stored session could not be checked (offline); the token is kept. */
  restoreProblem: string | null = null
  /** True after the user signed out here (not after a 401): the page that did it navigates on its own. */
  signedOutByUser = false

  constructor(
    private readonly api: Api,
    private readonly storage: KeyValueStorage,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<SessionStore, 'api' | 'storage' | 'now'>(this, { api: false, storage: false, now: false })
  }

  get isCitizen(): boolean {
    return this.kind === 'citizen' && this.token !== null
  }

  get isStaff(): boolean {
    return this.kind === 'staff' && this.token !== null
  }

  /** Whether to offer guide editing: the server decides and says so in the staff profile. */
  get canEditGuides(): boolean {
    return this.isStaff && this.staff?.canEditGuides === true
  }

  get isSignedIn(): boolean {
    return this.token !== null
  }

  /** Reads the stored session and validates it with GET /api/me or /api/staff/me. */
  async restore(): Promise<void> {
    const stored = this.readStored()
    if (!stored) {
      runInAction(() => (this.restored = true))
      return
    }
    runInAction(() => {
      this.kind = stored.kind
      this.token = stored.token
      this.expiresAt = stored.expiresAt
      this.restoreProblem = null
    })
    try {
      if (stored.kind === 'citizen') {
        const profile = await this.api.me.get()
        runInAction(() => (this.citizen = profile))
      } else {
        const profile = await this.api.staff.me()
        runInAction(() => (this.staff = profile))
      }
    } catch (error) {
      runInAction(() => {
        if (error instanceof ApiError && error.isUnauthorized) this.clear()
        else this.restoreProblem = error instanceof ApiError ? error.message : '无法确认登录状态'
      })
    } finally {
      runInAction(() => (this.restored = true))
    }
  }

  requestSmsCode(phone: string): Promise<SmsCodeSent> {
    return this.api.auth.requestSmsCode({ phone: phone.trim() })
  }

  // The one-call actions below are promise chains, not async functions: see PagedList (main-package size).
  signInWithSms(phone: string, code: string): Promise<void> {
    return this.api.auth.signInWithSms({ phone: phone.trim(), code: code.trim() }).then((session) => this.adoptCitizen(session))
  }

  /** `code` comes from the platform's WeChat login (platform/login). */
  signInWithWechat(code: string): Promise<void> {
    return this.api.auth.signInWithWechat(code).then((session) => this.adoptCitizen(session))
  }

  /** `code` comes from the getPhoneNumber button's event. */
  bindWechatPhone(code: string): Promise<void> {
    return this.api.auth.bindWechatPhone(code).then((profile) => this.setCitizen(profile))
  }

  declareRealName(name: string, idNumber: string): Promise<void> {
    return this.api.me
      .declareRealName({ name: name.trim(), idNumber: idNumber.trim().toUpperCase() })
      .then((profile) => this.setCitizen(profile))
  }

  refreshCitizen(): Promise<void> {
    if (!this.isCitizen) return Promise.resolve()
    return this.api.me.get().then((profile) => this.setCitizen(profile))
  }

  signInStaff(username: string, password: string): Promise<void> {
    return this.api.auth.signInStaff({ username: username.trim(), password }).then((session) => this.adoptStaff(session))
  }

  /** Ends the session on the server when reachable; always ends it here. */
  async signOut(): Promise<void> {
    if (this.token) {
      try {
        await this.api.auth.signOut()
      } catch {
        // Already gone on the server, or offline: forgetting the token is what matters.
      }
    }
    this.clear()
    this.signedOutByUser = true
  }

  /** The server said 401 to our token. */
  expire(): void {
    this.clear()
  }

  private setCitizen(profile: CitizenProfile): void {
    this.citizen = profile
  }

  private adoptCitizen(session: CitizenSession): void {
    this.clear()
    this.kind = 'citizen'
    this.token = session.token
    this.expiresAt = session.expiresAt
    this.citizen = session.profile
    this.restored = true
    this.persist()
  }

  private adoptStaff(session: StaffSession): void {
    this.clear()
    this.kind = 'staff'
    this.token = session.token
    this.expiresAt = session.expiresAt
    this.staff = session.staff
    this.restored = true
    this.persist()
  }

  private clear(): void {
    this.kind = null
    this.token = null
    this.expiresAt = null
    this.citizen = null
    this.staff = null
    this.restoreProblem = null
    this.signedOutByUser = false
    this.storage.remove(SESSION_STORAGE_KEY)
  }

  private persist(): void {
    if (!this.kind || !this.token || !this.expiresAt) return
    const stored: StoredSession = { kind: this.kind, token: this.token, expiresAt: this.expiresAt }
    this.storage.set(SESSION_STORAGE_KEY, JSON.stringify(stored))
  }

  private readStored(): StoredSession | null {
    const raw = this.storage.get(SESSION_STORAGE_KEY)
    if (!raw) return null
    try {
      const stored = JSON.parse(raw) as Partial<StoredSession>
      const valid =
        (stored.kind === 'citizen' || stored.kind === 'staff') &&
        typeof stored.token === 'string' &&
        typeof stored.expiresAt === 'string' &&
        Date.parse(stored.expiresAt) > this.now().getTime()
      if (valid) return stored as StoredSession
    } catch {
      // Corrupt entry: treat as signed out.
    }
    this.storage.remove(SESSION_STORAGE_KEY)
    return null
  }
}
