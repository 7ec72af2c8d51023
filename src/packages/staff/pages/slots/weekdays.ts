/** ISO weekday (1 = Monday) → its name. */
export const WEEKDAY_NAMES: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' }
