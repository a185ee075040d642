import { shortenToFit } from './sms-length';

const LINK = 'https://track.example/t/k3Vq8ZpL2xRw9TnB?lang=fi';
const within = (max: number) => (body: string) => body.length > 0 && body.length <= max;

describe('shortenToFit', () => {
  it('leaves a body that fits as it is', () => {
    const body = `Nordic Trail: order 1234 is on its way. Track: ${LINK}`;
    expect(shortenToFit(body, LINK, within(160))).toBe(body);
  });

  it('shortens the words at a word boundary and keeps the link whole at the end', () => {
    const body = `Nordic Trail: your order 1234 is out for delivery and arrives today between 12 and 16. Please keep your phone at hand. Track: ${LINK}`;
    const short = shortenToFit(body, LINK, within(100));
    expect(short).toBeDefined();
    expect(short!.length).toBeLessThanOrEqual(100);
    expect(short!.endsWith(`… ${LINK}`)).toBe(true);
    expect(short!.startsWith('Nordic Trail: your order 1234')).toBe(true);
    // Cut between words, not inside one.
    expect(short!.replace(` ${LINK}`, '')).toMatch(/[A-Za-z0-9]…$/);
    expect(body.startsWith(short!.replace(`… ${LINK}`, ''))).toBe(true);
  });

  it('uses as much of the budget as it can', () => {
    const body = `${'word '.repeat(60)}${LINK}`;
    const short = shortenToFit(body, LINK, within(120))!;
    expect(short.length).toBeGreaterThan(110);
    expect(short.length).toBeLessThanOrEqual(120);
  });

  it('cuts a body without the link from its end', () => {
    const short = shortenToFit('a '.repeat(100).trim(), '', within(50));
    expect(short!.length).toBeLessThanOrEqual(50);
    expect(short!.endsWith('…')).toBe(true);
  });

  it('sends only the link when no words fit beside it, and nothing when the link does not fit', () => {
    expect(shortenToFit(`Hello there ${LINK}`, LINK, within(LINK.length + 1))).toBe(LINK);
    expect(shortenToFit(`Hello ${LINK}`, LINK, within(10))).toBeUndefined();
  });
});
