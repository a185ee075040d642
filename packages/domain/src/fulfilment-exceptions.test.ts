import {
  EXCEPTION_TRIGGERS,
  exceptionsOf,
  FULFILMENT_EXCEPTION_KINDS,
  resolvedExceptions,
  type FulfilmentExceptionKind,
} from './fulfilment-exceptions';
import type { FulfilmentOrderState } from './ports/fulfilment-system';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const PAST = '2026-12-01T11:59:00.000Z';
const FUTURE = '2026-12-02T12:00:00.000Z';

const open = (extra: Partial<FulfilmentOrderState> = {}): FulfilmentOrderState => ({
  externalId: '9001',
  status: 'open',
  rawStatus: 'awaiting_shipment',
  ...extra,
});
const held = open({
  status: 'on_hold',
  rawStatus: 'on_hold',
  exception: { kind: 'on_hold', detail: 'Address check' },
});
const unpaid = open({
  rawStatus: 'awaiting_payment',
  exception: { kind: 'awaiting_payment', detail: null },
});
const rejected = open({
  status: 'rejected',
  rawStatus: 'rejected_fulfillment',
  exception: { kind: 'rejected', detail: 'Out of stock at 3PL' },
});

describe('fulfilment exceptions', () => {
  it.each<[string, FulfilmentOrderState, string | null, FulfilmentExceptionKind[]]>([
    ['a hold the warehouse made', held, 'awaiting_shipment', ['on_hold']],
    ['payment asked for again', unpaid, 'awaiting_shipment', ['awaiting_payment']],
    ['a partner’s refusal', rejected, 'awaiting_shipment', ['rejected']],
    ['a first sight of a held order (nothing recorded yet)', held, null, ['on_hold']],
    // The status the hub recorded is the one it exported (or showed already): nothing new.
    ['a hold the hub exported itself', held, 'on_hold', []],
    ['an unpaid order exported as such', unpaid, 'awaiting_payment', []],
    ['an open order before its ship-by time', open({ shipBy: FUTURE }), 'awaiting_shipment', []],
    [
      'an open order past its ship-by time',
      open({ shipBy: PAST }),
      'awaiting_shipment',
      ['delayed'],
    ],
    ['a ship-by time that is no date', open({ shipBy: 'soon' }), 'awaiting_shipment', []],
    ['no ship-by time', open({ shipBy: null }), 'awaiting_shipment', []],
    [
      'a held order past its ship-by time: held, not late',
      { ...held, shipBy: PAST },
      null,
      ['on_hold'],
    ],
    [
      'an unpaid open order past its ship-by time: both',
      { ...unpaid, shipBy: PAST },
      'awaiting_shipment',
      ['awaiting_payment', 'delayed'],
    ],
    [
      'a shipped order past its ship-by time',
      open({ status: 'shipped', rawStatus: 'shipped', shipBy: PAST }),
      'awaiting_shipment',
      [],
    ],
  ])('%s', (_what, state, recorded, kinds) => {
    expect(exceptionsOf(state, recorded, NOW)).toEqual(kinds);
  });

  it.each<[string, FulfilmentExceptionKind[], FulfilmentOrderState, FulfilmentExceptionKind[]]>([
    ['a hold the warehouse released', ['on_hold'], open(), ['on_hold']],
    ['a hold still there (whoever moved it)', ['on_hold'], held, []],
    ['a payment that came through', ['awaiting_payment'], open(), ['awaiting_payment']],
    ['a refusal followed by a hold', ['rejected'], held, ['rejected']],
    [
      'a late order shipped',
      ['delayed'],
      open({ status: 'shipped', rawStatus: 'shipped' }),
      ['delayed'],
    ],
    ['a held order cancelled', ['on_hold'], { ...held, status: 'cancelled' }, ['on_hold']],
    ['a late order given a later ship-by time', ['delayed'], open({ shipBy: FUTURE }), ['delayed']],
  ])('resolves %s', (_what, opened, state, ended) => {
    const current = exceptionsOf(state, state.rawStatus, NOW);
    expect(resolvedExceptions(opened, current, state)).toEqual(ended);
  });

  it('keeps a late order late while it is still past its ship-by time', () => {
    const late = open({ shipBy: PAST });
    expect(resolvedExceptions(['delayed'], exceptionsOf(late, null, NOW), late)).toEqual([]);
  });

  it('asks for one customer message per kind, each its own', () => {
    const triggers = FULFILMENT_EXCEPTION_KINDS.map((kind) => EXCEPTION_TRIGGERS[kind]);
    expect(new Set(triggers).size).toBe(FULFILMENT_EXCEPTION_KINDS.length);
    expect(EXCEPTION_TRIGGERS).toEqual({
      on_hold: 'order_on_hold',
      awaiting_payment: 'order_payment_pending',
      rejected: 'order_rejected',
      delayed: 'order_delayed',
    });
  });
});
