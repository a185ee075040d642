import { prettyJson } from '../lib/json-text';

/** A result shown as it came, for a person who reads JSON (dry runs, payloads). */
export function JsonView({ label, value }: { label: string; value: unknown }) {
  return (
    <pre className="json" tabIndex={0} role="region" aria-label={label}>
      {prettyJson(value)}
    </pre>
  );
}
