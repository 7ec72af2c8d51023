/** Whether the user asked the host for large text (WeChat: 设置 → 字体大小). */
export declare function prefersLargeText(): boolean
