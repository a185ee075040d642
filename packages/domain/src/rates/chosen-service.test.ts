import { serviceForShippingMethod } from './chosen-service';
import { ruleSet } from './fixtures';

describe('serviceForShippingMethod', () => {
  it.each([
    ['posti-home', 'posti-home', '2104', null],
    ['POSTI-EXPRESS', 'posti-express', '2102', null],
    ['posti-pickup:1234567', 'posti-pickup', '2103', '1234567'],
    ['Home delivery', 'posti-home', '2104', null],
    ['kotipaketti', 'posti-home', '2104', null],
    ['Expresspaket', 'posti-express', '2102', null],
    ['Småpaket', 'posti-small', '2461', null],
  ])('%s is %s (product %s)', (method, code, product, pointId) => {
    expect(serviceForShippingMethod(ruleSet, method)).toMatchObject({
      code,
      product,
      pickupPointId: pointId,
    });
  });

  it('reads a pickup quote’s display name, the point after the service name', () => {
    const pickup = ruleSet.zones.flatMap((z) => z.services).find((s) => s.code === 'posti-pickup');
    const name = pickup?.names.fi ?? pickup?.names.en ?? '';
    expect(serviceForShippingMethod(ruleSet, `${name} – K-Market Kamppi (0.4 km)`)).toMatchObject({
      code: 'posti-pickup',
      pickupPoint: true,
      pickupPointId: null,
    });
  });

  it('looks in the destination’s zone first: codes are unique only within one', () => {
    const sweden = { country: 'SE', postcode: '11455' };
    // Sweden's zone has home delivery only: its express is nobody's.
    expect(serviceForShippingMethod(ruleSet, 'posti-home', sweden)).toMatchObject({
      code: 'posti-home',
    });
    expect(serviceForShippingMethod(ruleSet, 'posti-express', sweden)).toBeUndefined();
    expect(
      serviceForShippingMethod(ruleSet, 'posti-express', { country: 'FI', postcode: '00100' }),
    ).toMatchObject({ product: '2102' });
  });

  it('takes a name only as a whole word at the start', () => {
    expect(serviceForShippingMethod(ruleSet, 'Home deliveryman special')).toBeUndefined();
    expect(serviceForShippingMethod(ruleSet, 'Free shipping')).toBeUndefined();
    expect(serviceForShippingMethod(ruleSet, '')).toBeUndefined();
    expect(serviceForShippingMethod(ruleSet, null)).toBeUndefined();
  });
});
