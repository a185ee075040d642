/**
 * SMS segment counting as Twilio encodes bodies: GSM-7 when every character is in the GSM 03.38
 * basic set or its extension table, UCS-2 otherwise (no smart encoding: the hub does not ask
 * Twilio to swap look-alike characters).
 *
 * One segment carries 160 GSM-7 septets or 70 UCS-2 code units. A longer message is split, and
 * each part then loses 6 bytes to the concatenation header: 153 septets or 67 units. Extension
 * characters take two septets (an escape and the character) and an emoji two UTF-16 units (a
 * surrogate pair); neither pair is split across parts.
 */

/**
 * The GSM 03.38 basic set, ESC excluded. Finnish and Swedish letters are in it: `ä ö å Ä Ö Å`
 * (and `é ü Ü ñ`), so Finnish text stays GSM-7; `õ š ž` and emoji do not.
 */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table, reached with an escape: two septets each. */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export const GSM7_SINGLE = 160;
export const GSM7_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the body takes. */
  units: number;
  /** Parts it is sent as; 0 for an empty body. */
  segments: number;
}

/** How many segments `body` is sent as, and in which encoding. */
export function smsSegments(body: string): SmsSegments {
  const characters = [...body];
  const gsm = characters.every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c));
  const sizes = gsm
    ? characters.map((c) => (GSM7_EXTENSION.has(c) ? 2 : 1))
    : characters.map((c) => c.length);
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const [single, multi] = gsm ? [GSM7_SINGLE, GSM7_MULTI] : [UCS2_SINGLE, UCS2_MULTI];
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: pack(sizes, units, single, multi) };
}

/** Parts needed for characters of these sizes, never splitting one character. */
function pack(sizes: number[], units: number, single: number, multi: number): number {
  if (units === 0) return 0;
  if (units <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

/**
 * The longest GSM-7 body, in septets, that fits `maxSegments` parts: 160 for one, 153 a part
 * beyond. A body with extension characters fits fewer characters, a UCS-2 one far fewer; the
 * messaging port counts the real segments before sending.
 */
export function gsm7Budget(maxSegments: number): number {
  return maxSegments <= 1 ? GSM7_SINGLE : GSM7_MULTI * maxSegments;
}
