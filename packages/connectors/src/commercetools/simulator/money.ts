import type { Money } from './records';

/** Currencies without minor units (ISO 4217 exponent 0) the simulator may meet. */
const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'VND']);

/** CentPrecisionMoney of `centAmount` minor units. */
export const money = (centAmount: number, currencyCode: string): Money => ({
  type: 'centPrecision',
  currencyCode,
  centAmount,
  fractionDigits: ZERO_DECIMALS.has(currencyCode) ? 0 : 2,
});
