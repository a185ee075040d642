export * from './envelope';
export {
  JWKS_COOLDOWN_MS,
  JWKS_FAILURE_BACKOFF_MS,
  JWKS_MAX_AGE_MS,
  JWKS_TIMEOUT_MS,
  MAX_KEY_SETS,
  forgetPushKeySets,
} from './jwks-cache';
export * from './message-facts';
export * from './notification';
export * from './oidc';
export * from './pubsub-schemas';
export * from './schemas';
export * from './strict-base64';
