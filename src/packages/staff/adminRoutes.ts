/** The admins' pages of the staff workbench (this subpackage only, so the strings stay out of the main package). */
export const staffAdminPages = {
  /** 消息发送记录: WeChat subscribe message and SMS deliveries, failures visible. */
  deliveries: '/packages/staff/pages/deliveries/index',
} as const
