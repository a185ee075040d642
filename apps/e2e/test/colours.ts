/** Colours as browsers compute them (`rgb(r, g, b)`), for asserting a page's brand colours. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const rgbOf = (css: string): Rgb => {
  const [r = NaN, g = NaN, b = NaN] = (/^rgb\((\d+), (\d+), (\d+)\)$/.exec(css) ?? [])
    .slice(1)
    .map(Number);
  return { r, g, b };
};

export const hueOf = ({ r, g, b }: Rgb) => {
  const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)];
  const d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

/** WCAG 2 contrast of a colour against white. */
export const contrastOnWhite = ({ r, g, b }: Rgb) => {
  const linear = (c: number) =>
    c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return 1.05 / (luminance + 0.05);
};
