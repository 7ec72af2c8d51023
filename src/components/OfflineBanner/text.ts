/** The banner's sentence (also asserted by e2e/offline.test.ts). */
export const OFFLINE_TEXT = '当前处于离线状态，可浏览已打开过的办事指南；提交、预约、缴费需要联网'
