import {
  AA_NON_TEXT,
  contrastRatio,
  darkenUntilReadable,
  parseHexColor,
  textColorOn,
  toHex,
  WHITE,
  type Rgb,
} from './contrast';
import type { Branding } from './model';

/** What the merchant's colours become once made readable. */
export interface Theme {
  /** Header and button background. */
  primary: string;
  /** Text on `primary`: black or white. */
  onPrimary: string;
  /** Where `primary` meets the white page; dark when the primary is too pale to see. */
  primaryEdge: string;
  /** Links, focus rings and the progress bar on white: at least 4.5:1. */
  accent: string;
}

const DEFAULT_PRIMARY: Rgb = { r: 0x1d, g: 0x35, b: 0x57 };
const DEFAULT_ACCENT: Rgb = { r: 0x0a, g: 0x58, b: 0xca };
const INK = '#1a1a1a';

export function themeFor(branding: Pick<Branding, 'primaryColor' | 'accentColor'>): Theme {
  const primary = parseHexColor(branding.primaryColor) ?? DEFAULT_PRIMARY;
  const accent = darkenUntilReadable(parseHexColor(branding.accentColor) ?? DEFAULT_ACCENT);
  return {
    primary: toHex(primary),
    onPrimary: toHex(textColorOn(primary)),
    primaryEdge: contrastRatio(primary, WHITE) >= AA_NON_TEXT ? toHex(primary) : INK,
    accent: toHex(accent),
  };
}

// Mobile first (360 px and up), light only. Below 30rem the progress steps stack vertically:
// five labels side by side at 360 px would break words like "Unterwegs" mid-word. Every background behind links and body text is
// white, which is what the accent was made readable against.
const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:${INK};font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;overflow-wrap:break-word}
h1,h2,h3{line-height:1.25;margin:0 0 .5rem}
h1{font-size:1.625rem;margin-bottom:1rem}
h2{font-size:1.25rem}
h3{font-size:1rem;margin-top:1.25rem}
p{margin:0 0 1rem}
a{color:var(--accent);text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
input:focus{outline:3px solid var(--accent);outline-offset:2px}
img{max-width:100%}
.wrap{width:100%;max-width:42rem;margin:0 auto;padding:0 1rem}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-10rem;z-index:10;background:#fff;color:${INK};padding:.5rem .75rem;border:2px solid ${INK};border-radius:4px}
.skip:focus{top:.5rem}
.site{background:var(--primary);color:var(--on-primary);border-bottom:2px solid var(--primary-edge)}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.75rem}
.site a{color:var(--on-primary)}
.site a:focus-visible{outline-color:var(--on-primary)}
.brand{font-size:1.125rem;font-weight:700;min-width:0}
.brand img{display:block;max-height:3rem;max-width:min(100%,16rem);width:auto;height:auto}
.langs ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-block;padding:.5rem .125rem;min-height:44px}
.langs a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid currentColor}
main.wrap{display:block;padding-top:1.5rem;padding-bottom:1.5rem}
main:focus{outline:none}
.parcel,.panel{border:1px solid #b8b8c0;border-radius:8px;padding:1rem;margin:0 0 1.5rem}
.status{font-size:1.25rem;font-weight:700;margin-bottom:.75rem}
.progress{margin:0 0 1rem}
.progress ol{list-style:none;margin:0;padding:0}
.progress li{position:relative;min-height:1.75rem;padding:0 0 .5rem 1.75rem;line-height:1.25rem;color:#52525b}
.progress li::before{content:"";content:"" / "";position:absolute;left:0;top:0;width:1.25rem;height:1.25rem;border:2px solid #8a8a93;border-radius:50%;background:#fff;color:#fff;font-size:.75rem;font-weight:700;line-height:1rem;text-align:center}
.progress li::after{content:"";content:"" / "";position:absolute;left:calc(.625rem - 1px);top:1.25rem;bottom:0;width:2px;background:#d4d4d8}
.progress li:last-child{min-height:1.25rem;padding-bottom:0}
.progress li:last-child::after{content:none}
.progress li.done::before{content:"\\2713";content:"\\2713" / "";background:var(--accent);border-color:var(--accent)}
.progress li.done::after{background:var(--accent)}
.progress li.current::before{border:.375rem solid var(--accent)}
.progress li.current{color:${INK};font-weight:700}
@media (min-width:30rem){
.progress ol{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:.25rem}
.progress li,.progress li:last-child{min-height:0;padding:.375rem 0 0;border-top:.375rem solid #d4d4d8;font-size:.875rem;overflow-wrap:anywhere;hyphens:auto}
.progress li::before,.progress li::after{content:none}
.progress li.done::before{content:"\\2713\\00a0";content:"\\2713\\00a0" / "";position:static;display:inline;width:auto;height:auto;border:0;background:none;color:inherit;font-size:inherit;line-height:inherit}
.progress li.done,.progress li.current{border-top-color:var(--accent)}
}
.progress p{font-size:.875rem;margin:.5rem 0 0}
.notice{border:1px solid #b45309;border-left-width:.375rem;background:#fffbeb;border-radius:4px;padding:.75rem;margin:0 0 1rem}
.notice p{margin:0}
.facts{margin:0 0 1rem}
.facts div{padding:.375rem 0;border-bottom:1px solid #e4e4e7}
.facts dt{font-size:.875rem;color:#52525b}
.facts dd{margin:0;font-weight:600}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;word-break:break-all}
.items{margin:0 0 1rem;padding-left:1.25rem}
.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:2px solid #d4d4d8}
.timeline li{position:relative;padding:0 0 1rem}
.timeline li::before{content:"";position:absolute;left:calc(-1rem - 6px);top:.45rem;width:10px;height:10px;border-radius:50%;background:#a1a1aa}
.timeline li:first-child::before{background:var(--accent)}
.timeline li:first-child .ev-status{font-weight:700}
.timeline p{margin:0}
.timeline time,.ev-place{font-size:.875rem;color:#52525b}
.timeline time{display:block}
.error-summary{border:3px solid #b3261e;border-radius:4px;padding:1rem;margin:0 0 1.5rem}
.error-summary:focus{outline:3px solid ${INK};outline-offset:2px}
.error-summary h2{font-size:1.125rem}
.error-summary p{margin:0}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin-bottom:.125rem}
.hint{display:block;font-size:.875rem;color:#52525b;margin-bottom:.375rem}
input{display:block;width:100%;font:inherit;font-size:1rem;color:${INK};background:#fff;border:2px solid #52525b;border-radius:4px;padding:.625rem .75rem;min-height:44px}
input[aria-invalid="true"]{border-color:#b3261e}
button{font:inherit;font-weight:700;background:var(--primary);color:var(--on-primary);border:2px solid var(--primary-edge);border-radius:4px;padding:.625rem 1.25rem;min-height:44px;cursor:pointer;max-width:100%}
button:hover{text-decoration:underline}
.site-footer{border-top:1px solid #d4d4d8;padding:1.5rem 0;font-size:.9375rem}
.site-footer h2{font-size:1.125rem}
.contact{list-style:none;margin:0;padding:0}
.contact li{margin:0 0 .5rem}
.contact a{overflow-wrap:anywhere}
@media (min-width:40rem){h1{font-size:2rem}.parcel,.panel{padding:1.5rem}}
`
  .trim()
  .replace(/\n/g, '');

/** The page's one stylesheet: the fixed rules plus the merchant's (made readable) colours. */
export function stylesheet(theme: Theme): string {
  return `:root{--primary:${theme.primary};--on-primary:${theme.onPrimary};--primary-edge:${theme.primaryEdge};--accent:${theme.accent}}${BASE_CSS}`;
}

const sheets = new Map<string, string>();
const MAX_SHEETS = 1_000;

/**
 * The stylesheet for a brand's colours, made readable once per pair: every page of a store
 * carries the same one, and darkening a pale accent walks its lightness step by step.
 */
export function brandStylesheet(branding: Pick<Branding, 'primaryColor' | 'accentColor'>): string {
  const key = `${branding.primaryColor}|${branding.accentColor}`;
  let sheet = sheets.get(key);
  if (sheet === undefined) {
    if (sheets.size >= MAX_SHEETS) sheets.clear();
    sheet = stylesheet(themeFor(branding));
    sheets.set(key, sheet);
  }
  return sheet;
}
