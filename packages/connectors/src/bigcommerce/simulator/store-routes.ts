import express, { type Router } from 'express';
import { baseUrlOf, storeOf } from './http';
import type { SimWeightUnit } from './state';

/**
 * `GET /stores/{hash}/v2/store`, the Store Information API: the fields a fulfilment hub reads
 * (units above all: catalog weights and dimensions are in them) and plausible values for the rest.
 * BigCommerce spells the pound "LBS" there and every other unit in full.
 */
const WEIGHT_UNITS: Record<SimWeightUnit, string> = {
  Grams: 'Grams',
  Kilograms: 'Kilograms',
  Ounces: 'Ounces',
  Pounds: 'LBS',
};

export function storeRoutes(): Router {
  const router = express.Router();
  router.get('/stores/:hash/v2/store', (req, res) => {
    const store = storeOf(res);
    const domain = `store-${store.hash}.mybigcommerce.com`;
    res.json({
      id: store.hash,
      domain,
      secure_url: `https://${domain}`,
      control_panel_base_url: baseUrlOf(req),
      status: 'live',
      name: `Store ${store.hash}`,
      country: 'United States',
      country_code: 'US',
      language: 'en',
      currency: 'USD',
      currency_symbol: '$',
      decimal_separator: '.',
      thousands_separator: ',',
      decimal_places: 2,
      weight_units: WEIGHT_UNITS[store.units.weight],
      dimension_units: store.units.dimension,
      dimension_decimal_places: 2,
      dimension_decimal_token: '.',
      dimension_thousands_token: ',',
      plan_name: 'Standard',
      plan_level: 'Standard',
      is_price_entered_with_tax: false,
      store_id: Number(store.storeId),
      timezone: { name: 'Etc/UTC', raw_offset: 0, dst_offset: 0, dst_correction: false },
      features: { stencil_enabled: true, multi_storefront_enabled: true },
    });
  });
  return router;
}
