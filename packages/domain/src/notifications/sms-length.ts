/**
 * A text message cut to a length budget: when `body` does not fit, the words before `keep` (the
 * tracking link, which is useless cut) are shortened at a word boundary and marked with an
 * ellipsis, and `keep` stays whole. Undefined when not even `keep` fits.
 */
export function shortenToFit(
  body: string,
  keep: string,
  fits: (body: string) => boolean,
): string | undefined {
  if (fits(body)) return body;
  const at = keep ? body.indexOf(keep) : -1;
  const words = at >= 0 ? body.slice(0, at) + body.slice(at + keep.length) : body;
  const tail = at >= 0 ? ` ${keep}` : '';
  const candidate = (length: number) => `${cutAtWord(words, length)}…${tail}`;
  // The longest prefix that fits, found by bisection: fitting only gets harder as it grows.
  let low = 0;
  let high = words.length;
  if (!fits(candidate(0))) return fits(keep) ? keep : undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(candidate(mid))) low = mid;
    else high = mid - 1;
  }
  return candidate(low);
}

function cutAtWord(text: string, length: number): string {
  const cut = [...text].slice(0, length).join('');
  if (cut.length >= text.length) return cut.trimEnd();
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).replace(/[\s.,:;!?-]+$/, '');
}
