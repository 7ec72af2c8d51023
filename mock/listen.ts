import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Starts a simulator's HTTP server (loopback by default) and gives its URL and a prompt close(). */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // fetch keeps connections alive; without this close() waits for them to idle out.
        server.closeAllConnections()
      }),
  }
}
