/** Terminal output for the demo: short, aligned, readable without scrolling back. */
const bold = (s: string) => `\u001b[1m${s}\u001b[0m`;
const dim = (s: string) => `\u001b[2m${s}\u001b[0m`;
const green = (s: string) => `\u001b[32m${s}\u001b[0m`;
const red = (s: string) => `\u001b[31m${s}\u001b[0m`;

export const say = {
  step: (text: string) => console.log(`\n${bold('▸ ' + text)}`),
  ok: (text: string) => console.log(`  ${green('✓')} ${text}`),
  bad: (text: string) => console.log(`  ${red('✗')} ${text}`),
  info: (text: string) => console.log(`  ${text}`),
  dim: (text: string) => console.log(`  ${dim(text)}`),
  table(rows: string[][]) {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    rows.forEach((row, index) => {
      const line = row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
      console.log(`  ${index === 0 ? bold(line) : line}`);
    });
  },
};
