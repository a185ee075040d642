import { z } from 'zod';

/** A ShipStation V1 API key/secret pair (HTTP Basic user and password). */
export const ShipStationCredentialsSchema = z
  .object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) })
  .strict();
export type ShipStationCredentials = z.infer<typeof ShipStationCredentialsSchema>;

export function basicAuthorization(credentials: ShipStationCredentials): string {
  const token = Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`, 'utf8');
  return `Basic ${token.toString('base64')}`;
}
