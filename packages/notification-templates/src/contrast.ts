/**
 * WCAG 2.x relative luminance, so that a merchant's brand colour can never make the header or the
 * button unreadable: the text on it is black or white, whichever contrasts more.
 */

const HEX_COLOR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

export const BLACK = '#000000';
export const WHITE = '#ffffff';

/** `#rrggbb` in lower case, or null: colours land in inline CSS, so nothing else may pass. */
export function hexColor(value: string | null | undefined): string | null {
  return value && HEX_COLOR.test(value.trim()) ? value.trim().toLowerCase() : null;
}

function linear(channel: number): number {
  const c = channel / 255;
  // 0.04045 is the sRGB threshold; WCAG 2.0's 0.03928 differs from it by nothing 8-bit can show.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: string): number {
  const match = HEX_COLOR.exec(color.trim());
  if (!match) throw new RangeError(`not a #rrggbb colour: ${color}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => linear(parseInt(hex ?? '', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background`; one of them always reaches 4.58:1. */
export function textColorOn(background: string): typeof BLACK | typeof WHITE {
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}
