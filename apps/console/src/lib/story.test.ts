import { parcelTimelines, storyEntries, storyTables } from './story';

/** Shaped as `GET /admin/api/stores/:storeId/orders/:orderNumber/story` answers. */
const story = {
  order: { orderNumber: '101', status: 'Shipped' },
  events: [],
  calls: [{ at: '2026-11-02T10:00:00.000Z', provider: 'shipstation', status: 200 }],
  fulfilment: {
    orders: [{ provider: 'shipstation', orderKey: 'bc-1-101' }],
    exceptions: [],
    reviews: [],
  },
  shipments: [{ trackingNumber: '1Z1', items: [{ sku: 'TENT', quantity: 1 }] }],
  tracking: [
    {
      trackingNumber: '1Z1',
      status: 'in_transit',
      checkpoints: [
        {
          occurredAt: '2026-11-02T13:00:00+02:00',
          occurredAtUtc: '2026-11-02T11:00:00.000Z',
          status: 'in_transit',
          subStatus: 'InTransit_001',
          message: 'Departed',
          location: 'Austin',
        },
      ],
    },
  ],
  parcelNotes: [{ note: 'fragile' }],
  timeline: [
    { at: '2026-11-02T11:00:00.000Z', section: 'tracking', title: '1Z1: in_transit', detail: null },
    { at: '2026-11-01T09:00:00.000Z', section: 'order', title: 'order placed', detail: 'a***@x' },
    { title: 'no time' },
  ],
};

describe('an order story', () => {
  it('lists the timeline oldest first, leaving out what is not an entry', () => {
    expect(storyEntries(story).map((entry) => [entry.title, entry.detail])).toEqual([
      ['order placed', 'a***@x'],
      ['1Z1: in_transit', null],
    ]);
    expect(storyEntries({ order: {} })).toEqual([]);
  });

  it('tables every non-empty list of records, nested ones and unknown ones too', () => {
    expect(storyTables(story).map((table) => [table.key, table.title, table.rows.length])).toEqual([
      ['calls', 'Provider calls', 1],
      ['fulfilment.orders', 'Fulfilment orders', 1],
      ['shipments', 'Shipments', 1],
      ['parcelNotes', 'Parcel notes', 1],
    ]);
  });

  it('gives each parcel its checkpoints under its number and status', () => {
    expect(parcelTimelines(story)).toEqual([
      {
        title: 'Parcel 1Z1: in transit',
        rows: [
          {
            occurredAt: '2026-11-02T11:00:00.000Z',
            status: 'in_transit',
            subStatus: 'InTransit_001',
            message: 'Departed',
            location: 'Austin',
          },
        ],
      },
    ]);
  });
});
