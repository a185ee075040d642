import { deadLetterFilter, EMPTY_FILTER, replayRequest } from './dead-letters';
import { dayBoundary } from './period';

describe('dead-letter filters', () => {
  it('leaves blank fields out', () => {
    expect(deadLetterFilter({ ...EMPTY_FILTER, status: '' })).toEqual({});
    expect(deadLetterFilter(EMPTY_FILTER)).toEqual({ status: 'open' });
  });

  it('trims what was typed and includes the last day', () => {
    expect(
      deadLetterFilter({
        queue: ' orders ',
        provider: 'shipstation',
        reason: 'validation.failed',
        status: 'replayed',
        fromDay: '2026-11-01',
        toDay: '2026-11-02',
      }),
    ).toEqual({
      queue: 'orders',
      provider: 'shipstation',
      reason: 'validation.failed',
      status: 'replayed',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
  });

  it('ignores a day that is not a date', () => {
    expect(dayBoundary('2026-13-01', 'start')).toBeUndefined();
    expect(dayBoundary('', 'end')).toBeUndefined();
  });

  it('asks to replay the ticked ones or every match', () => {
    expect(replayRequest({ ids: ['a', 'b'] }, true)).toEqual({ ids: ['a', 'b'], dryRun: true });
    expect(replayRequest({ filter: { queue: 'orders' } }, false)).toEqual({
      filter: { queue: 'orders' },
      dryRun: false,
    });
  });
});
