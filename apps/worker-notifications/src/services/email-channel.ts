import nodemailer, { type Transporter } from 'nodemailer';
import { RetryableError } from '@shiplink/errors';
import type { HandOverOutcome } from './hand-over';

export interface OutgoingEmail {
  from: { name: string; address: string };
  replyTo: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** One-click unsubscribe (RFC 8058): the https URL that takes the POST. */
  unsubscribeUrl: string;
}

/** SMTP steps before the message itself: a failure there means nothing was handed over. */
const BEFORE_DATA = new Set([
  'CONN',
  'EHLO',
  'HELO',
  'STARTTLS',
  'AUTH',
  'AUTH PLAIN',
  'AUTH LOGIN',
  'MAIL FROM',
  'RCPT TO',
]);

/** The transport of an `smtp://` or `smtps://` URL, with timeouts a worker can live with. */
function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // Connections are kept and reused: a busy day's mail does not open one per message.
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  message?: string;
}

/**
 * E-mail through SMTP (nodemailer). A send is made once; what the server said decides what
 * follows: refused before the message was handed over (connection, a 4xx) is thrown for the job
 * to retry, a permanent 5xx is a refusal, and a failure while or after the message was sent is
 * unknown: it may have been delivered, so it is not sent again.
 */
export class EmailChannel {
  private readonly transport: Transporter | undefined;

  constructor(smtpUrl: string | undefined) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpOptions(smtpUrl)) : undefined;
  }

  get available(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: OutgoingEmail): Promise<HandOverOutcome> {
    if (!this.transport) return { outcome: 'refused', message: 'no SMTP server is configured' };
    try {
      const info = (await this.transport.sendMail({
        from: mail.from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })) as { messageId: string };
      return { outcome: 'accepted', providerRef: info.messageId };
    } catch (error) {
      const failure = error as SmtpError;
      const message = failure.message ?? String(error);
      const code = failure.responseCode;
      if (code !== undefined && code >= 500) return { outcome: 'refused', message };
      if ((code !== undefined && code >= 400) || BEFORE_DATA.has(failure.command ?? 'CONN')) {
        throw new RetryableError(`SMTP did not take the message: ${message}`, {
          reason: 'smtp.unavailable',
        });
      }
      return { outcome: 'unknown', message };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
