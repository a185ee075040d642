import { html } from './html';
import { messagesFor, type ErrorKind } from './i18n';
import { renderDocument } from './layout';
import type { PageChrome } from './model';
import { pageUrl } from './urls';

export type { ErrorKind };

/** Not found, a withdrawn or expired link, or too many requests: the status code is the app's. */
export function renderErrorPage(chrome: PageChrome, kind: ErrorKind): string {
  const t = messagesFor(chrome.locale);
  const text = t.error[kind] ?? t.error.not_found;
  const lookup = pageUrl(chrome.lookupPath);
  const body = html`<p>${text.body}</p>
    ${lookup ? html`<p><a href="${lookup}">${t.lookUpOrder}</a></p>` : null}`;
  return renderDocument(chrome, { heading: text.heading, isError: true, body });
}
