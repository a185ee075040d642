import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';

/** Google's issuer of the OpenID Connect ID tokens Pub/Sub push requests carry. */
export const GOOGLE_ISSUER = 'https://accounts.google.com';
/** Google's ID tokens live one hour. */
export const ID_TOKEN_LIFETIME_SECONDS = 3_600;

/** How the next token should be wrong, for tests of the receiver's refusals. */
export interface TokenFlaw {
  audience?: string;
  expired?: boolean;
  foreignKey?: boolean;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const newKey = (): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(20).toString('hex'), privateKey, publicKey };
};

/** A service account's numeric unique id, as Google puts it in `sub` and `azp` (21 digits). */
export function serviceAccountUniqueId(email: string): string {
  const digest = createHash('sha256').update(email).digest('hex');
  return `1${BigInt(`0x${digest.slice(0, 24)}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20)}`;
}

/**
 * The simulator's stand-in for Google's OAuth 2.0 signer: an RSA key made at start whose public
 * half is served as a JWKS (`GET /oauth2/v3/certs`), and ID tokens shaped like Google's for a push
 * subscription's service account: header `{ alg: RS256, kid, typ: JWT }`, claims `iss`, `aud`,
 * `azp`, `sub`, `email`, `email_verified`, `iat`, `exp` (= iat + 3600). A second key, never
 * published, signs tokens for the foreign-key fault.
 */
export class OidcSigner {
  private readonly key = newKey();
  private readonly foreign = newKey();

  constructor(private readonly now: () => number) {}

  /** The key set Google serves at /oauth2/v3/certs, with this simulator's key only. */
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    const jwk = await exportJWK(this.key.publicKey);
    return {
      keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: this.key.kid }],
    };
  }

  /** An ID token for `email` with audience `audience`, flawed as asked. */
  async idToken(audience: string, email: string, flaw: TokenFlaw = {}): Promise<string> {
    const key = flaw.foreignKey ? this.foreign : this.key;
    const nowSeconds = Math.floor(this.now() / 1_000);
    const issuedAt = flaw.expired ? nowSeconds - 2 * ID_TOKEN_LIFETIME_SECONDS : nowSeconds;
    const uniqueId = serviceAccountUniqueId(email);
    return new SignJWT({ azp: uniqueId, email, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(GOOGLE_ISSUER)
      .setAudience(flaw.audience ?? audience)
      .setSubject(uniqueId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ID_TOKEN_LIFETIME_SECONDS)
      .sign(key.privateKey);
  }
}
