// A real SMTP server for tests: accepts every message and stores it as an .eml file, so tests
// read exactly what the CMS sent over the wire (no mocks of our own parts).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { SMTPServer } from 'smtp-server'

export async function startMailSink(dir, { port = 0 } = {}) {
  fs.mkdirSync(dir, { recursive: true })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const name = `${Date.now()}-${crypto.randomBytes(4).toString('hex')}.eml`
        // Write under a temporary name, then rename: a reader never sees half a message.
        const file = path.join(dir, name)
        fs.writeFileSync(`${file}.part`, Buffer.concat(chunks))
        fs.renameSync(`${file}.part`, file)
        callback()
      })
    },
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  // A client that drops its connection (a CMS stopped while its pooled SMTP connections are open)
  // is reported as an error on the server: that must not take the sink, or the test run, down.
  server.on('error', () => {})
  return {
    port: server.server.address().port,
    dir,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
