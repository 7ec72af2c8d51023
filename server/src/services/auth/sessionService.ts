import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client'
import { citizens, departments, sessions, staff, type CitizenRow } from '../../db/schema'
import type { StaffRole } from '../../../../types/enums'
import { hashToken, newToken } from './tokens'

export interface StaffPrincipal {
  id: string
  username: string
  displayName: string
  role: StaffRole
  department: { id: string; name: string } | null
  canEditGuides: boolean
  canSupervise: boolean
}

/** Who may edit service guides: department leads and admins. The route guard and the app's flag both read this. */
export const GUIDE_EDITORS: StaffRole[] = ['lead', 'admin']
/** Who may open time-limit supervision (督办). */
export const SUPERVISORS: StaffRole[] = ['lead', 'admin']

export type Principal =
  | { kind: 'citizen'; sessionId: string; citizen: CitizenRow }
  | { kind: 'staff'; sessionId: string; staff: StaffPrincipal }

export interface SessionTtl {
  citizenHours: number
  staffHours: number
}

/** Sessions: opaque tokens stored hashed, with expiry and sign-out. */
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly ttl: SessionTtl,
  ) {}

  async create(subject: { citizenId: string } | { staffId: string }, tx: DbOrTx = this.db) {
    const token = newToken()
    const hours = 'citizenId' in subject ? this.ttl.citizenHours : this.ttl.staffHours
    const expiresAt = new Date(Date.now() + hours * 3_600_000)
    await tx.insert(sessions).values({ tokenHash: hashToken(token), expiresAt, ...subject })
    return { token, expiresAt: expiresAt.toISOString() }
  }

  /** The principal behind a token, or null when it is unknown, expired or signed out. */
  async resolve(token: string): Promise<Principal | null> {
    const live = and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(sessions.revokedAt))
    const [row] = await this.db
      .select({ session: sessions, citizen: citizens, staff, department: departments })
      .from(sessions)
      .leftJoin(citizens, eq(citizens.id, sessions.citizenId))
      .leftJoin(staff, eq(staff.id, sessions.staffId))
      .leftJoin(departments, eq(departments.id, staff.departmentId))
      .where(live)
      .limit(1)
    if (!row) return null
    if (row.citizen) return { kind: 'citizen', sessionId: row.session.id, citizen: row.citizen }
    if (row.staff) {
      const s = row.staff
      return {
        kind: 'staff',
        sessionId: row.session.id,
        staff: {
          id: s.id,
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          department: row.department ? { id: row.department.id, name: row.department.name } : null,
          canEditGuides: GUIDE_EDITORS.includes(s.role),
          canSupervise: SUPERVISORS.includes(s.role),
        },
      }
    }
    return null
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId))
  }
}
