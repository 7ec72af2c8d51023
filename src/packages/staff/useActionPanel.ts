import { useState } from 'react'

/**
 * A panel of staff actions whose forms open one at a time: which one is
 * open, the server's field errors, and busy while a call runs. `run` sends,
 * keeps the answer's errors, and on success closes the form and hands the
 * confirmation to `onDone`.
 */
export function useActionPanel<Action, Errors extends object>(onDone: (message: string) => void) {
  const [open, setOpen] = useState<Action | null>(null)
  const [errors, setErrors] = useState<Errors>({} as Errors)
  const [busy, setBusy] = useState(false)
  const run = async (send: () => Promise<Errors>, done: string) => {
    setBusy(true)
    try {
      const result = await send()
      setErrors(result)
      if (Object.keys(result).length === 0) {
        setOpen(null)
        onDone(done)
      }
    } finally {
      setBusy(false)
    }
  }
  /** Opens a form (or none) with the previous errors cleared. */
  const openForm = (action: Action | null) => {
    setErrors({} as Errors)
    setOpen(action)
  }
  return { open, errors, busy, run, openForm }
}
