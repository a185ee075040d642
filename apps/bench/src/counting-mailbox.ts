import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the benchmark keeps of one message: enough to match it and to spot a second copy. */
export interface CountedMail {
  messageId: string;
  /** As written (RFC 2047 words left encoded): the same message always reads the same. */
  subject: string;
  receivedAt: number;
}

/** A header's value in a message head, continuation lines unfolded. */
function headerValue(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return line?.[1]?.trim() ?? '';
}

/**
 * A real SMTP server in the benchmark's process that reads only each message's headers and
 * counts it. The test world's mailbox parses every message whole (HTML, text, MIME parts),
 * which at hundreds a second would take this two-core box's CPU from the hub being measured.
 * No reverse DNS lookup of the client either: that is the receiving side's cost, not the hub's.
 */
export async function startCountingMailbox() {
  const received: CountedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.search(/\r?\n\r?\n/);
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        }
      });
      stream.on('end', () => {
        received.push({
          messageId: headerValue(head, 'message-id'),
          subject: headerValue(head, 'subject'),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
