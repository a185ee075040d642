import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A whole answer in one write: status, headers and body (UTF-8 text). */
export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': /;\s*charset=/i.test(contentType)
      ? contentType
      : `${contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  sendText(res, status, 'application/json', JSON.stringify(value), headers);
}
