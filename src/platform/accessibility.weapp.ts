/** WeChat's own components carry their roles and focus: nothing to add. */
export function enableKeyboardAccess(): void {}
