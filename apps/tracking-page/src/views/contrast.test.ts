import {
  AA_TEXT,
  BLACK,
  contrastRatio,
  darkenUntilReadable,
  parseHexColor,
  relativeLuminance,
  textColorOn,
  toHex,
  WHITE,
  type Rgb,
} from './contrast';
import { themeFor } from './styles';

const rgb = (hex: string): Rgb => {
  const parsed = parseHexColor(hex);
  if (!parsed) throw new Error(`bad colour ${hex}`);
  return parsed;
};

describe('WCAG formulas', () => {
  it('gives the luminance of black, white and a mid grey', () => {
    expect(relativeLuminance(BLACK)).toBe(0);
    expect(relativeLuminance(WHITE)).toBeCloseTo(1, 10);
    expect(relativeLuminance(rgb('#808080'))).toBeCloseTo(0.2159, 4);
  });

  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#595959', '#ffffff', 7.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#ff0000', '#ffffff', 4.0],
    ['#008000', '#ffffff', 5.14],
  ])('%s on %s is %d:1', (fg, bg, ratio) => {
    expect(contrastRatio(rgb(fg), rgb(bg))).toBeCloseTo(ratio, 2);
  });

  it('is symmetric', () => {
    expect(contrastRatio(rgb('#123456'), WHITE)).toBe(contrastRatio(WHITE, rgb('#123456')));
  });
});

describe('parseHexColor', () => {
  it('reads #rrggbb in either case and refuses anything else', () => {
    expect(parseHexColor('#FFaa00')).toEqual({ r: 255, g: 170, b: 0 });
    for (const bad of ['ffaa00', '#fa0', '#ffaa0', 'red', '#ggaa00', '', null, '#ffaa00;x']) {
      expect(parseHexColor(bad)).toBeNull();
    }
  });
});

describe('text on the primary colour', () => {
  it('picks the better of black and white', () => {
    expect(textColorOn(rgb('#ffff00'))).toBe(BLACK);
    expect(textColorOn(rgb('#1d3557'))).toBe(WHITE);
    expect(textColorOn(rgb('#777777'))).toBe(BLACK);
  });

  it('reaches AA on every grey and on a sweep of colours', () => {
    for (let v = 0; v < 256; v += 5) {
      for (const color of [
        { r: v, g: v, b: v },
        { r: v, g: 0, b: 255 - v },
        { r: 255, g: v, b: 0 },
        { r: 0, g: 255 - v, b: v },
      ]) {
        expect(contrastRatio(textColorOn(color), color)).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
  });
});

describe('darkenUntilReadable', () => {
  it('keeps an accent that already passes', () => {
    expect(toHex(darkenUntilReadable(rgb('#767676')))).toBe('#767676');
  });

  it.each(['#777777', '#ffcc00', '#00ffff', '#ff69b4', '#ffffff', '#7fdbff'])(
    'darkens %s until it reaches 4.5:1 on white, keeping the hue',
    (hex) => {
      const darker = darkenUntilReadable(rgb(hex));
      expect(contrastRatio(darker, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(relativeLuminance(darker)).toBeLessThan(relativeLuminance(rgb(hex)));
    },
  );

  it('darkens no further than needed', () => {
    const darker = darkenUntilReadable(rgb('#777777'));
    expect(contrastRatio(darker, WHITE)).toBeLessThan(5);
  });

  it('keeps the hue of a saturated colour', () => {
    const orange = darkenUntilReadable(rgb('#ff8800'));
    expect(orange.r).toBeGreaterThan(orange.g);
    expect(orange.b).toBe(0);
  });
});

describe('themeFor', () => {
  it('makes any merchant choice readable', () => {
    const theme = themeFor({ primaryColor: '#ffee00', accentColor: '#ffee00' });
    expect(theme.onPrimary).toBe('#000000');
    expect(contrastRatio(rgb(theme.accent), WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(theme.primaryEdge).toBe('#1a1a1a');
  });

  it('falls back to safe defaults for invalid colours', () => {
    const theme = themeFor({ primaryColor: 'red;}body{display:none', accentColor: 'nope' });
    expect(theme.primary).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(rgb(theme.primary), rgb(theme.onPrimary))).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(rgb(theme.accent), WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
