import { DELAYING_STATUSES, orderShipmentProgress } from './shipment-progress';
import { TRACKING_STATUSES, type TrackingStatus } from './status';

const parcels = (...statuses: TrackingStatus[]) => statuses.map((status) => ({ status }));
const NOT_DELAYING = TRACKING_STATUSES.filter((status) => !DELAYING_STATUSES.includes(status));

describe('orderShipmentProgress', () => {
  describe('1. no tracked parcel yet', () => {
    it.each([true, false])('says nothing (everything in parcels: %s)', (everything) => {
      expect(orderShipmentProgress([], everything)).toBeUndefined();
    });
  });

  describe('2. a parcel held up', () => {
    it.each(DELAYING_STATUSES)('%s makes the order delayed', (status) => {
      expect(orderShipmentProgress(parcels(status), true)).toBe('delayed');
    });

    it('wins over every other parcel being delivered', () => {
      expect(orderShipmentProgress(parcels('delivered', 'delivered', 'exception'), true)).toBe(
        'delayed',
      );
    });

    it('wins over items still missing from any parcel', () => {
      expect(orderShipmentProgress(parcels('in_transit', 'attempt_failed'), false)).toBe('delayed');
    });

    it('is held up only for the statuses that keep the customer waiting', () => {
      expect([...DELAYING_STATUSES].sort()).toEqual(
        [
          'attempt_failed',
          'delayed',
          'exception',
          'expired',
          'failed',
          'on_hold',
          'return_to_sender',
        ].sort(),
      );
    });
  });

  describe('3. everything in parcels, every parcel delivered', () => {
    it('is delivered', () => {
      expect(orderShipmentProgress(parcels('delivered'), true)).toBe('delivered');
      expect(orderShipmentProgress(parcels('delivered', 'delivered'), true)).toBe('delivered');
    });

    it('is not delivered while one parcel is still on its way', () => {
      expect(orderShipmentProgress(parcels('delivered', 'out_for_delivery'), true)).toBe('shipped');
    });
  });

  describe('4. items in no parcel yet', () => {
    it('is partial, even when every parcel so far is delivered', () => {
      expect(orderShipmentProgress(parcels('delivered'), false)).toBe('partial');
      expect(orderShipmentProgress(parcels('in_transit', 'delivered'), false)).toBe('partial');
    });

    it.each(NOT_DELAYING)('is partial with a parcel %s', (status) => {
      expect(orderShipmentProgress(parcels(status), false)).toBe('partial');
    });
  });

  describe('5. otherwise', () => {
    it.each(NOT_DELAYING.filter((status) => status !== 'delivered'))(
      'is shipped with every item in parcels and a parcel %s',
      (status) => {
        expect(orderShipmentProgress(parcels(status), true)).toBe('shipped');
      },
    );

    it('keeps a parcel back at the merchant as shipped, not delivered', () => {
      expect(orderShipmentProgress(parcels('delivered', 'returned'), true)).toBe('shipped');
    });
  });
});
