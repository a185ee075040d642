import { isUnmappedSubStatus, TrackingStatusSchema } from '@shiplink/domain';
import {
  mapPostiStatus,
  POSTI_EVENT_CODES,
  POSTI_EVENT_DESCRIPTIONS,
  POSTI_MAPPING_VERSION,
  POSTI_STATUS_MAP,
  postiEventDescription,
} from './status-map';

describe('Posti status map', () => {
  it.each([
    ['13', 'picked_up', false],
    ['20', 'exception', false],
    ['22', 'delivered', false],
    ['31', 'in_transit', false],
    ['38', 'delivered', false],
    ['45', 'available_for_pickup', true],
    ['48', 'in_transit', false],
    ['56', 'attempt_failed', true],
    ['68', 'info_received', false],
    ['71', 'out_for_delivery', false],
    ['77', 'return_to_sender', false],
    ['91', 'available_for_pickup', true],
    ['99', 'in_transit', false],
  ] as const)('maps %s to %s', (code, status, actionRequired) => {
    expect(mapPostiStatus(code)).toEqual({
      status,
      reason: null,
      actionRequired,
      subStatus: `posti:${code}`,
      mapped: true,
    });
  });

  it('covers every documented code, with Posti’s text', () => {
    expect(Object.keys(POSTI_STATUS_MAP).sort()).toEqual([...POSTI_EVENT_CODES].sort());
    for (const code of POSTI_EVENT_CODES) {
      expect(TrackingStatusSchema.parse(POSTI_STATUS_MAP[code].status)).toBeDefined();
      expect(postiEventDescription(code)).toBe(POSTI_EVENT_DESCRIPTIONS[code]);
    }
  });

  it.each([
    [91, '91'],
    ['091', '91'],
    [' 22 ', '22'],
  ])('reads %p as code %s', (raw, code) => {
    expect(mapPostiStatus(raw).subStatus).toBe(`posti:${code}`);
  });

  it.each(['12', 'XX', '', null, undefined])('keeps %p as an unmapped gap', (raw) => {
    const mapped = mapPostiStatus(raw);
    expect(mapped).toMatchObject({
      status: 'unknown',
      mapped: false,
      reason: null,
      actionRequired: false,
    });
    expect(isUnmappedSubStatus(mapped.subStatus)).toBe(true);
    expect(mapped.subStatus).toBe(`posti:CARRIER_STATUS_NOT_MAPPED:${raw || 'none'}`);
  });

  it('has an explicit mapping version', () => {
    expect(POSTI_MAPPING_VERSION).toBe('posti.1');
  });
});
