import type { CitizenRow } from '../../db/schema'
import type { CitizenProfile } from '../../../../types/auth'
import { maskName, maskPhone, maskResidentId } from '../../../../types/validators'

/** The profile as the app shows it: personal data masked, even to its owner. */
export function toProfile(c: CitizenRow): CitizenProfile {
  return {
    id: c.id,
    phoneMasked: c.phone ? maskPhone(c.phone) : null,
    wechatLinked: c.wechatOpenid !== null,
    realName:
      c.realName && c.idNumber
        ? { nameMasked: maskName(c.realName), idNumberMasked: maskResidentId(c.idNumber), level: c.identityLevel }
        : null,
    identityLevel: c.identityLevel,
  }
}
