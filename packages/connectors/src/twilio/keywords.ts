/** Keyword classes of Advanced Opt-Out (and of Twilio's default keyword handling). */
export const OPT_OUT_TYPES = ['STOP', 'START', 'HELP'] as const;
export type OptOutType = (typeof OPT_OUT_TYPES)[number];

/**
 * Twilio's default keywords, matched against the whole message (trimmed, any case), for numbers
 * outside a Messaging Service, whose deliveries carry no `OptOutType`. Twilio filters these
 * itself either way (replies, and refuses later sends with 21610 until START).
 */
const DEFAULT_KEYWORDS: ReadonlyMap<string, OptOutType> = new Map(
  Object.entries({
    STOP: 'STOP',
    STOPALL: 'STOP',
    UNSUBSCRIBE: 'STOP',
    CANCEL: 'STOP',
    END: 'STOP',
    QUIT: 'STOP',
    REVOKE: 'STOP',
    OPTOUT: 'STOP',
    START: 'START',
    YES: 'START',
    UNSTOP: 'START',
    HELP: 'HELP',
    INFO: 'HELP',
  } as const),
);

/** The keyword class of an incoming message: Advanced Opt-Out's, else the default keywords'. */
export function keywordOf(optOutType: string | undefined, body: string): OptOutType | null {
  const given = optOutType?.trim().toUpperCase();
  if (!given) return DEFAULT_KEYWORDS.get(body.trim().toUpperCase()) ?? null;
  // A class Twilio adds later is no keyword the hub knows.
  return OPT_OUT_TYPES.find((type) => type === given) ?? null;
}
