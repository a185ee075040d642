/**
 * The sum of one metric's samples on an app's operations port (`/metrics`), over the series whose
 * labels include `labels`: counters as they stand, to be read before and after a run.
 */
export async function metricTotal(
  opsPort: number,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:][a-z0-9_:]*)(\{[^}]*\})?\s+(\S+)/i.exec(line);
    if (!match || match[1] !== name) continue;
    if (wanted.every((pair) => (match[2] ?? '').includes(pair))) total += Number(match[3]);
  }
  return total;
}

/** The same metric summed over several apps' operations ports. */
export async function metricTotalOf(
  opsPorts: number[],
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const totals = await Promise.all(opsPorts.map((port) => metricTotal(port, name, labels)));
  return totals.reduce((sum, value) => sum + value, 0);
}
