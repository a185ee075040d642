import {
  checkpointIdentity,
  EMPTY_LOCATION,
  isUnmappedSubStatus,
  unmappedSubStatus,
  TrackingEventSchema,
  type CheckpointIdentityInput,
  type TrackingEvent,
} from './event';
import { localWallTimeToUtc } from './local-time';

const event: TrackingEvent = {
  status: 'returned',
  subStatus: 'aftership:Exception_011',
  reason: null,
  actionRequired: false,
  occurredAt: '2025-03-04T10:15:00+02:00',
  occurredAtIsLocal: false,
  occurredAtUtc: '2025-03-04T08:15:00.000Z',
  rawCode: 'RTS_DONE',
  rawTag: 'Exception',
  message: 'Returned to sender',
  location: { ...EMPTY_LOCATION, city: 'Vantaa', countryRegion: 'FIN' },
  source: 'aftership',
  mappingVersion: 'aftership.1',
};

describe('TrackingEventSchema', () => {
  it('accepts a complete event', () => {
    expect(TrackingEventSchema.parse(event)).toEqual(event);
  });

  it.each<[string, Partial<TrackingEvent> & Record<string, unknown>]>([
    ['an unknown field', { createdAt: '2025-03-04T08:16:00Z' }],
    ['a non-namespaced subStatus', { subStatus: 'Exception_011' }],
    ['an unknown status', { status: 'lost' as TrackingEvent['status'] }],
    ['an offset-less time not flagged local', { occurredAt: '2025-03-04T10:15:00' }],
    ['a local flag on a time with offset', { occurredAtIsLocal: true }],
    ['a non-UTC occurredAtUtc', { occurredAtUtc: '2025-03-04T10:15:00+02:00' }],
    ['an unknown source', { source: 'carrier-x' as TrackingEvent['source'] }],
  ])('rejects %s', (_name, patch) => {
    expect(TrackingEventSchema.safeParse({ ...event, ...patch }).success).toBe(false);
  });

  it('accepts a local wall time when flagged', () => {
    const local = {
      ...event,
      occurredAt: '2025-03-04T10:15:00',
      occurredAtIsLocal: true,
      occurredAtUtc: localWallTimeToUtc('2025-03-04T10:15:00'),
    };
    expect(TrackingEventSchema.safeParse(local).success).toBe(true);
    expect(local.occurredAtUtc).toBe('2025-03-04T10:15:00.000Z');
  });
});

describe('checkpointIdentity', () => {
  const base: CheckpointIdentityInput = {
    carrier: 'posti',
    trackingNumber: 'JJFI64123450000012345',
    occurredAtUtc: '2025-03-04T08:15:00.000Z',
    rawCode: 'Exception_011',
    location: { ...EMPTY_LOCATION, city: 'Vantaa', countryRegion: 'FIN', raw: 'Vantaa, FI' },
  };
  const id = checkpointIdentity(base);

  it('is a sha256 hex digest', () => {
    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<CheckpointIdentityInput>]>([
    ['carrier case', { carrier: 'POSTI' }],
    ['spaces in the tracking number', { trackingNumber: 'JJFI 6412 3450 0000 12345' }],
    ['time formatting', { occurredAtUtc: '2025-03-04T08:15:00Z' }],
    ['location spacing and case', { location: { ...base.location!, city: '  VANTAA ' } }],
  ])('ignores %s', (_name, patch) => {
    expect(checkpointIdentity({ ...base, ...patch })).toBe(id);
  });

  it.each<[string, Partial<CheckpointIdentityInput>]>([
    ['another carrier', { carrier: 'dhl' }],
    ['another number', { trackingNumber: 'JJFI64123450000099999' }],
    ['another instant', { occurredAtUtc: '2025-03-04T08:16:00Z' }],
    ['another raw code', { rawCode: 'Exception_010' }],
    ['another place', { location: { ...base.location!, city: 'Helsinki' } }],
  ])('changes with %s', (_name, patch) => {
    expect(checkpointIdentity({ ...base, ...patch })).not.toBe(id);
  });

  it('has no input for the receive time, so re-sent scans collapse', () => {
    const resent = { ...base, createdAt: '2025-03-05T00:00:00Z' } as CheckpointIdentityInput;
    expect(checkpointIdentity(resent)).toBe(id);
  });
});

describe('unmapped sub-statuses', () => {
  it('namespaces the raw code and recognizes it', () => {
    const subStatus = unmappedSubStatus('aftership', 'Exception_019');
    expect(subStatus).toBe('aftership:CARRIER_STATUS_NOT_MAPPED:Exception_019');
    expect(isUnmappedSubStatus(subStatus)).toBe(true);
    expect(isUnmappedSubStatus('aftership:Exception_011')).toBe(false);
  });
});
