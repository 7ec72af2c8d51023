/**
 * Makes what Taro H5 draws usable from a keyboard and a screen reader: NutUI
 * buttons (a `taro-button-core` element, not a native button) get the button
 * role, a tab stop and `aria-disabled`, and answer Enter and Space; the page
 * container, which scrolls, takes focus so the arrow keys scroll it. The
 * mini-program's own components do this themselves: nothing there.
 */
export declare function enableKeyboardAccess(): void
