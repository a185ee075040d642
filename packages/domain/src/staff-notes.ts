/**
 * The store order's staff notes with `lines` added at the end, one per line. The merchant's own
 * text stays as it is; callers leave out lines the notes already hold.
 */
export function withNoteLines(existing: string, lines: readonly string[]): string {
  return [existing.trimEnd(), ...lines].filter(Boolean).join('\n');
}
