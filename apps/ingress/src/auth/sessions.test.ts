import type { Request } from 'express';
import { cookieOf } from './sessions';

const request = (cookie: string | undefined) => ({ headers: { cookie } }) as unknown as Request;
const token = 'a'.repeat(43);

describe('cookieOf', () => {
  it.each([
    [`shiplink_session=${token}`, token],
    [`theme=dark; shiplink_session=${token}; other=1`, token],
    ['shiplink_session=short', undefined],
    [`shiplink_session=${token}<script>`, undefined],
    [`xshiplink_session=${token}`, undefined],
    [undefined, undefined],
    [`a=${'x'.repeat(9_000)}; shiplink_session=${token}`, undefined],
  ])('%p → %p', (header, expected) => {
    expect(cookieOf(request(header), 'shiplink_session')).toBe(expected);
  });
});
