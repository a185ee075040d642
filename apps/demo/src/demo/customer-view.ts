import type { ParsedMail } from 'mailparser';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { waitFor } from '@shiplink/testing';
import { say } from './print';

export interface DemoMailbox {
  received: ParsedMail[];
}

const addressOf = (mail: ParsedMail) =>
  /"address":"([^"]+)"/.exec(JSON.stringify(mail.to ?? ''))?.[1] ?? '';
const mentions = (subject: string, orderNumber: string) =>
  new RegExp(`(^|[^\\w-])${orderNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(
    subject,
  );

/**
 * The e-mails a store's sender wrote about these orders, once they stop arriving: the last
 * scans' news is a moment behind the scans themselves.
 */
export async function mailsAbout(
  mailbox: DemoMailbox,
  about: { from: string; orderNumbers: readonly string[]; atLeast: number },
): Promise<ParsedMail[]> {
  const ours = () =>
    mailbox.received.filter(
      (mail) =>
        (mail.from?.text ?? '').includes(about.from) &&
        about.orderNumbers.some((number) => mentions(mail.subject ?? '', number)),
    );
  await waitFor(() => (ours().length >= about.atLeast ? true : undefined), {
    what: `e-mails from ${about.from}`,
    timeoutMs: 30_000,
  });
  let seen = -1;
  while (seen !== ours().length) {
    seen = ours().length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
  return ours();
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

export function printMails(mails: readonly ParsedMail[]): void {
  say.table([['to', 'subject'], ...mails.map((mail) => [addressOf(mail), mail.subject ?? ''])]);
}

/**
 * Each order's tracking page link, made by the admin API as support would send it, and opened
 * once to show what answers there.
 */
export async function printTrackingLinks(
  admin: AdminClient,
  storeId: string,
  orderNumbers: readonly string[],
): Promise<string[]> {
  const links: string[] = [];
  for (const orderNumber of orderNumbers) {
    const { data } = await admin.http.post<{ url: string }>(
      `/stores/${storeId}/orders/${encodeURIComponent(orderNumber)}/tracking-link`,
    );
    const page = await fetch(data.url);
    const title = decodeEntities(/<title>([^<]*)<\/title>/.exec(await page.text())?.[1] ?? '');
    say.ok(`order ${orderNumber}: ${data.url}  (${page.status}, "${title}")`);
    links.push(data.url);
  }
  return links;
}
