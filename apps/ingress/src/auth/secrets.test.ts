import {
  API_TOKEN_PREFIX,
  hashPassword,
  newSecret,
  safeEqual,
  sha256,
  verifyPassword,
} from './secrets';

describe('passwords and secrets', () => {
  it('hashes with scrypt and a salt of its own, and verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword('correct horse battery staple', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', first)).resolves.toBe(false);
  });

  it.each(['', 'plain', 'scrypt$1$1$1', 'bcrypt$x$y$z$a$b'])(
    'refuses a stored hash like %p',
    async (stored) => {
      await expect(verifyPassword('anything', stored)).resolves.toBe(false);
    },
  );

  it('treats visually equal passwords alike (NFKC)', async () => {
    const stored = await hashPassword('ﬁnal password 2026');
    await expect(verifyPassword('final password 2026', stored)).resolves.toBe(true);
  });

  it('makes unguessable tokens and compares secrets of any length safely', () => {
    const token = newSecret(API_TOKEN_PREFIX);
    expect(token).toMatch(/^slk_[\w-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
    expect(sha256('x')).toHaveLength(64);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
