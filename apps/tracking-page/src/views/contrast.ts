/**
 * WCAG 2.x contrast, so that a merchant's brand colours can never make the page unreadable: text
 * on the primary colour is black or white, whichever reads better, and an accent too light for
 * text on white is darkened until it reaches AA.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const WHITE: Rgb = { r: 255, g: 255, b: 255 };
export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
/** WCAG AA for body text. */
export const AA_TEXT = 4.5;
/** WCAG AA for UI components and graphics (1.4.11). */
export const AA_NON_TEXT = 3;

const HEX_COLOR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

export function parseHexColor(value: string | null | undefined): Rgb | null {
  const match = value ? HEX_COLOR.exec(value.trim()) : null;
  if (!match) return null;
  return {
    r: parseInt(match[1] ?? '', 16),
    g: parseInt(match[2] ?? '', 16),
    b: parseInt(match[3] ?? '', 16),
  };
}

function hex2(channel: number): string {
  return channel.toString(16).padStart(2, '0');
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

function linear(channel: number): number {
  const c = channel / 255;
  // 0.04045 is the sRGB threshold; WCAG 2.0's 0.03928 differs from it by nothing 8-bit can show.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. One of the two always reaches at
 * least 4.58:1, so this meets AA for any colour.
 */
export function textColorOn(background: Rgb): Rgb {
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function toHsl({ r, g, b }: Rgb): Hsl {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === rr) h = ((gg - bb) / d) % 6;
  else if (max === gg) h = (bb - rr) / d + 2;
  else h = (rr - gg) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}

function fromHsl({ h, s, l }: Hsl): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  const channel = (v: number) => Math.min(255, Math.max(0, Math.round((v + m) * 255)));
  return { r: channel(r), g: channel(g), b: channel(b) };
}

const LIGHTNESS_STEP = 0.01;

/**
 * `color` itself when it already reaches `minimum` on `background`, otherwise the same hue with
 * its lightness stepped down until it does (black, 21:1 on white, ends the walk). Stepping keeps
 * the result as close to the brand colour as the threshold allows. Meant for light backgrounds.
 */
export function darkenUntilReadable(color: Rgb, background: Rgb = WHITE, minimum = AA_TEXT): Rgb {
  if (contrastRatio(color, background) >= minimum) return color;
  const hsl = toHsl(color);
  for (let l = hsl.l - LIGHTNESS_STEP; l > 0; l -= LIGHTNESS_STEP) {
    const candidate = fromHsl({ ...hsl, l });
    if (contrastRatio(candidate, background) >= minimum) return candidate;
  }
  return BLACK;
}
