import { orderNumbersOf, printBody, withOrder } from './labels';

describe('label prints', () => {
  it('reads order numbers one a line or comma-separated, once each', () => {
    expect(orderNumbersOf('1001\n 1002 ,1003\n\n1001')).toEqual(['1001', '1002', '1003']);
  });

  it('asks for the orders listed', () => {
    expect(printBody('orders', { orders: '1001\n1002', since: '', until: '' })).toEqual({
      ok: true,
      body: { orderNumbers: ['1001', '1002'] },
    });
  });

  it('refuses an empty or too long list', () => {
    expect(printBody('orders', { orders: ' \n', since: '', until: '' })).toEqual({
      ok: false,
      message: 'List at least one order number.',
    });
    const many = Array.from({ length: 501 }, (_, i) => String(i)).join('\n');
    expect(printBody('orders', { orders: many, since: '', until: '' })).toMatchObject({
      ok: false,
    });
  });

  it('asks for a window of label times', () => {
    const input = printBody('period', {
      orders: '',
      since: '2026-11-01T08:00',
      until: '2026-11-01T12:00',
    });
    expect(input.ok).toBe(true);
    if (input.ok) {
      expect(Date.parse(input.body.until!) - Date.parse(input.body.since!)).toBe(4 * 3_600_000);
    }
  });

  it.each([
    [{ since: '', until: '' }, 'Give the time the labels were made from.'],
    [{ since: '2026-11-01T12:00', until: '2026-11-01T08:00' }, 'The end comes after the start.'],
  ])('refuses the window %j', (window, message) => {
    expect(printBody('period', { orders: '', ...window })).toEqual({ ok: false, message });
  });

  it('adds an order to the list once', () => {
    expect(withOrder('1001', '1002')).toBe('1001\n1002');
    expect(withOrder('1001\n1002', '1001')).toBe('1001\n1002');
    expect(withOrder('', '7')).toBe('7');
  });
});
