/* Rules and settings edited as JSON text: parsing with a readable error, and the editable part. */

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);

/** The text as JSON, or why it is not JSON, with the line it went wrong on where known. */
export function parseJsonText(text: string): Parsed {
  if (text.trim() === '') return { ok: false, message: 'The field is empty: write JSON.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const line =
      position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    return {
      ok: false,
      message: `Not valid JSON${line === undefined ? '' : ` (line ${line})`}: ${reason}`,
    };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A saved routing rule set's rules, the list a person edits (the hub sets store and version). */
export function editableRoutingRules(saved: unknown): unknown[] {
  if (Array.isArray(saved)) return saved;
  if (isRecord(saved) && Array.isArray(saved.rules)) return saved.rules;
  return [];
}

/** A saved rate rule set without the fields the hub sets when saving. */
export function editableRateRules(saved: unknown): Record<string, unknown> {
  if (!isRecord(saved)) return {};
  const { storeId: _storeId, version: _version, ...rules } = saved;
  return rules;
}

/** The settings with one top-level section replaced, for a save of the whole settings. */
export function withSection(
  settings: Record<string, unknown>,
  section: string,
  value: unknown,
): Record<string, unknown> {
  return { ...settings, [section]: value };
}
