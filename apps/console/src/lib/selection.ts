/* Which rows of a table are ticked: immutable sets, so React sees each change. */

export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Ticks every row shown, or unticks them all when every one is ticked already. */
export function toggledAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  const next = new Set(selected);
  for (const id of ids) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** The ticked ids still shown, in table order (rows a new filter hid are not sent). */
export const selectedShown = (selected: ReadonlySet<string>, ids: readonly string[]): string[] =>
  ids.filter((id) => selected.has(id));
