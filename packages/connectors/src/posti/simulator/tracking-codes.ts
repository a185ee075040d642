import { createHash, randomInt } from 'node:crypto';

/**
 * Posti parcel tracking codes look like `JJFI64574900000137203`: `JJFI`, the sender's six-digit
 * customer number, then an eleven-digit running number. The simulator derives the customer
 * number from the API key and starts the running number at random, so codes stay unique across
 * resets and simulator restarts alike.
 */
export class TrackingCodes {
  private next = randomInt(1, 50_000_000);

  /** A fresh code for a parcel of the merchant with `apiKey`. */
  issue(apiKey: string): string {
    this.next += 1;
    return `JJFI${customerNumber(apiKey)}${String(this.next).padStart(11, '0')}`;
  }

  /** A label code (service 9902, "Easy Sending code"): eight digits, shown on the label. */
  labelCode(): string {
    return String(randomInt(10_000_000, 100_000_000));
  }
}

/** The six-digit "customer number" part of the merchant's tracking codes. */
export function customerNumber(apiKey: string): string {
  const digest = createHash('sha256').update(apiKey).digest();
  return String(100_000 + (digest.readUInt32BE(0) % 900_000));
}
