import { afterShipTrackingProvider, type AfterShipClient } from '@shiplink/connectors/aftership';
import type { TrackingRecord } from '@shiplink/db';
import { resolveCarrier, type CarrierHints } from './carrier-resolution.service';

function detecting(candidates: string[]) {
  const calls: unknown[] = [];
  // The real adapter over a client that only detects: what the provider is asked is asserted.
  const client = afterShipTrackingProvider(
    {
      detectCourier: (input: unknown) => {
        calls.push(input);
        return Promise.resolve(candidates);
      },
    } as unknown as AfterShipClient,
    {},
  );
  return { client, calls };
}

const hints = (patch: Partial<CarrierHints> = {}): CarrierHints => ({
  trackingNumber: '1ZTEST000000000001',
  carrierSlug: null,
  carrierCode: null,
  carrierSource: 'shipstation',
  postalCode: '78701',
  countryRegion: 'US',
  ...patch,
});

describe('resolveCarrier', () => {
  it.each<[string, Partial<CarrierHints>, string]>([
    [
      'the store carrier (an AfterShip slug)',
      { carrierSlug: 'dhl-global-mail' },
      'dhl-global-mail',
    ],
    ['a ShipStation carrier code', { carrierCode: 'stamps_com' }, 'usps'],
    ['the store carrier over the code', { carrierSlug: 'fedex', carrierCode: 'ups' }, 'fedex'],
  ])('maps %s without asking AfterShip', async (_name, patch, slug) => {
    const { client, calls } = detecting(['ups']);
    expect(await resolveCarrier(client, hints(patch), undefined)).toEqual({
      slug,
      status: 'mapped',
      candidates: [],
      note: null,
    });
    expect(calls).toEqual([]);
  });

  it('takes a single detected courier, sending the destination along', async () => {
    const { client, calls } = detecting(['ups']);
    const resolved = await resolveCarrier(client, hints({ carrierCode: 'royal_mail' }), undefined);
    expect(resolved).toMatchObject({ slug: 'ups', status: 'detected' });
    expect(calls).toEqual([
      { trackingNumber: '1ZTEST000000000001', postalCode: '78701', destinationCountryRegion: 'US' },
    ]);
  });

  it.each([[[]], [['posti', 'dhl']]])('leaves %j to a person', async (candidates) => {
    const { client } = detecting(candidates);
    const resolved = await resolveCarrier(client, hints(), undefined);
    expect(resolved).toMatchObject({ slug: null, status: 'needs_review', candidates });
    expect(resolved.note).toMatch(/set the carrier on the store shipment/);
  });

  it('reuses an earlier detection for the same number', async () => {
    const { client, calls } = detecting(['dhl']);
    const live = { trackingNumber: '1ZTEST000000000001', slug: 'ups', carrierStatus: 'detected' };
    const resolved = await resolveCarrier(client, hints(), live as TrackingRecord);
    expect(resolved).toMatchObject({ slug: 'ups', status: 'detected' });
    expect(calls).toEqual([]);
  });
});
