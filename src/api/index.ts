/**
 * The API as the stores see it: one object, one group per resource. Stores
 * receive it through RootStore, so tests hand them a fake with the same shape.
 */
import * as auth from './auth'
import * as cases from './cases'
import * as catalog from './catalog'
import * as halls from './halls'
import * as matters from './matters'
import * as me from './me'
import * as notifications from './notifications'
import * as staff from './staff'

export const api = {
  catalog: { get: catalog.getCatalog },
  matters: { list: matters.listMatters, get: matters.getMatter },
  halls: { list: halls.listHalls, get: halls.getHall },
  auth: {
    requestSmsCode: auth.requestSmsCode,
    signInWithSms: auth.signInWithSms,
    signInWithWechat: auth.signInWithWechat,
    bindWechatPhone: auth.bindWechatPhone,
    signInStaff: auth.signInStaff,
    signOut: auth.signOut,
  },
  me: { get: me.getMe, declareRealName: me.declareRealName },
  staff: { me: staff.getStaffMe, listMatters: staff.listStaffMatters, patchMatter: staff.patchStaffMatter },
  cases: { list: cases.listCases, get: cases.getCase, withdraw: cases.withdrawCase, lookup: cases.lookupCase },
  notifications: {
    list: notifications.listNotifications,
    markRead: notifications.markNotificationRead,
    markAllRead: notifications.markAllNotificationsRead,
  },
}

export type Api = typeof api
// Staff case calls: api/staffCases.ts (`staffCasesApi`), handed to StaffCaseStore by the staff subpackage.

export { ApiError, userMessage } from './ApiError'
export { configureHttp } from './http'
