/**
 * The text of a Taro `<Input>` event: `detail.value` from Taro's components;
 * `target.value` when the event is a plain DOM one (H5 under test, where the
 * custom element is not upgraded).
 */
export function inputValue(event: { detail?: unknown; target?: unknown }): string {
  return (event.detail as { value?: string } | null)?.value ?? (event.target as { value?: string } | null)?.value ?? ''
}
