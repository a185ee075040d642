/*
 * Address and phone rules of the countries the hub's parcels mostly go to. Phones become E.164
 * (`+<calling code><national significant number>`) without a phone library:
 * - international input (`+…` or `00…`) keeps its calling code; a trunk 0 written after it
 *   (`+358 (0)40…`, `+358 040…`) is dropped;
 * - national input drops the trunk prefix (`0` in FI, AX, SE and DE; NO, DK and EE have none) and
 *   gets the destination's calling code;
 * - digits that start with the calling code and are too long to be a national number are read
 *   as international with the `+` left out (`358401234567`).
 * The national lengths are those of personal numbers (mobiles and landlines), not service
 * numbers: FI 6–10 digits after the trunk 0, SE 7–9, NO and DK 8, EE 7–8, DE 6–11. Åland (AX)
 * uses Finland's numbering and postcodes (22xxx).
 */
interface CountryRules {
  callingCode: string;
  trunkPrefix: string | null;
  nationalDigits: readonly [min: number, max: number];
  postcode: RegExp;
}

export const COUNTRY_RULES = {
  FI: { callingCode: '358', trunkPrefix: '0', nationalDigits: [6, 10], postcode: /^\d{5}$/ },
  AX: { callingCode: '358', trunkPrefix: '0', nationalDigits: [6, 10], postcode: /^22\d{3}$/ },
  SE: { callingCode: '46', trunkPrefix: '0', nationalDigits: [7, 9], postcode: /^\d{5}$/ },
  NO: { callingCode: '47', trunkPrefix: null, nationalDigits: [8, 8], postcode: /^\d{4}$/ },
  DK: { callingCode: '45', trunkPrefix: null, nationalDigits: [8, 8], postcode: /^\d{4}$/ },
  EE: { callingCode: '372', trunkPrefix: null, nationalDigits: [7, 8], postcode: /^\d{5}$/ },
  DE: { callingCode: '49', trunkPrefix: '0', nationalDigits: [6, 11], postcode: /^\d{5}$/ },
} as const satisfies Record<string, CountryRules>;
type RulesCountry = keyof typeof COUNTRY_RULES;

const rulesOf = (country: string): CountryRules | undefined =>
  Object.hasOwn(COUNTRY_RULES, country) ? COUNTRY_RULES[country as RulesCountry] : undefined;

// Longest first, so 358 and 372 are tried before 35x or 3x could match.
const CALLING_CODES = [...new Set(Object.values(COUNTRY_RULES).map((r) => r.callingCode))].sort(
  (a, b) => b.length - a.length,
);

/**
 * A postcode in the destination country's form (FI, AX, SE, EE 5 digits; NO, DK 4), spaces and a
 * country prefix (`FI-00100`, `S-113 56`) removed; undefined when it is not one. Other countries
 * get the trimmed, upper-cased text, which Posti checks itself.
 */
export function normalisePostcode(
  country: string,
  raw: string | null | undefined,
): string | undefined {
  const text = (raw ?? '').trim().toUpperCase();
  if (!text) return undefined;
  const rules = rulesOf(country);
  if (!rules) return text.length <= 12 ? text : undefined;
  const bare = text.replace(/^(FI|AX|SE|S|NO|N|DK|EE|DE|D)[-\s]?(?=\d)/, '').replace(/[\s-]+/g, '');
  return rules.postcode.test(bare) ? bare : undefined;
}

function nationalNumber(rules: CountryRules, digits: string): string | undefined {
  const [min, max] = rules.nationalDigits;
  const withoutTrunk =
    rules.trunkPrefix && digits.startsWith(rules.trunkPrefix)
      ? digits.slice(rules.trunkPrefix.length)
      : digits;
  if (withoutTrunk.startsWith('0')) return undefined;
  return withoutTrunk.length >= min && withoutTrunk.length <= max ? withoutTrunk : undefined;
}

function international(digits: string): string | undefined {
  const code = CALLING_CODES.find((candidate) => digits.startsWith(candidate));
  const rules = Object.values(COUNTRY_RULES).find((r) => r.callingCode === code);
  if (code && rules) {
    const national = nationalNumber(rules, digits.slice(code.length));
    return national ? `+${code}${national}` : undefined;
  }
  // Another country's number: E.164 allows 8–15 digits in all, never starting with 0.
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

/**
 * A phone number in E.164 (`040 123 4567` in FI → `+358401234567`); undefined when it cannot be
 * read as one: letters or extensions, wrong lengths, or a national number of a country outside
 * the table.
 */
export function normalisePhone(
  country: string,
  raw: string | null | undefined,
): string | undefined {
  const text = (raw ?? '').trim().replace(/\(0\)/g, '');
  if (!text || !/^\+?[\d\s\-./()]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return international(digits);
  if (digits.startsWith('00')) return international(digits.slice(2));
  const rules = rulesOf(country);
  if (!rules) return undefined;
  const national = nationalNumber(rules, digits);
  if (national) return `+${rules.callingCode}${national}`;
  return digits.startsWith(rules.callingCode) ? international(digits) : undefined;
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/;

/** A plausible e-mail address, trimmed; undefined otherwise. */
export function normaliseEmail(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '').trim();
  return text.length <= 254 && EMAIL.test(text) ? text : undefined;
}
