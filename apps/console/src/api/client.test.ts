import { attachmentName, requestInit } from './client';

describe('requestInit', () => {
  it('sends the CSRF token on unsafe methods only', () => {
    expect(requestInit('POST', { ids: [] }, 'tok').headers).toMatchObject({
      'X-CSRF-Token': 'tok',
      'Content-Type': 'application/json',
    });
    expect(requestInit('DELETE', undefined, 'tok').headers).toMatchObject({
      'X-CSRF-Token': 'tok',
    });
    expect(requestInit('GET', undefined, 'tok').headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('keeps cookies on the same origin and encodes the body as JSON', () => {
    const init = requestInit('PUT', { rules: [] }, 'tok');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"rules":[]}');
  });

  it('sends no body and no content type without one', () => {
    const init = requestInit('GET', undefined, undefined);
    expect(init.body).toBeUndefined();
    expect(init.headers).toEqual({ Accept: 'application/json' });
  });
});

describe('attachmentName', () => {
  it.each([
    ['attachment; filename="labels-2026-11-01T10-00-00.pdf"', 'labels-2026-11-01T10-00-00.pdf'],
    ['attachment; filename=report.csv', 'report.csv'],
    [null, 'labels.pdf'],
    ['inline', 'labels.pdf'],
  ])('reads %s as %s', (header, expected) => {
    expect(attachmentName(header, 'labels.pdf')).toBe(expected);
  });
});
