/** Choosing files on the device: pick.weapp.ts / pick.h5.ts. */
import type { PickSource, PickedFile } from './types'

/** The sources this platform offers, in the order to show them. */
export declare function pickSources(): PickSource[]
/**
 * Lets the citizen choose up to `max` files; [] when they cancel. Rejects
 * with a Chinese message when a chosen file is of a type the server refuses,
 * or the platform refused access (camera permission). Call it directly in the
 * tap handler (H5 opens the file chooser only from a user gesture).
 */
export declare function pickFiles(source: PickSource, max: number): Promise<PickedFile[]>
