/**
 * One RFC 4180 field. A leading =, +, -, @, tab or CR (other than a plain number) is prefixed
 * with ' so spreadsheets read it as text, never as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 asks. */
export function csvDocument<C extends string>(
  columns: readonly C[],
  rows: readonly Readonly<Record<C, string | number | null>>[],
): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
