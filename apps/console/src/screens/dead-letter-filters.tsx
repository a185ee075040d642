import { useId, useState, type FormEvent } from 'react';
import type { DeadLetterForm } from '../lib/dead-letters';

const TEXT_FIELDS = [
  ['queue', 'Queue', 'The exact queue name'],
  ['provider', 'Provider', 'The exact provider id'],
  ['reason', 'Reason', 'A reason code, or its start'],
] as const;

/** Values seen in the dead letters listed, offered as the fields' suggestions. */
export type Suggestions = Record<'queue' | 'provider' | 'reason', readonly string[]>;

/** The dead-letter filters; applied when the form is sent, not on every keystroke. */
export function DeadLetterFilters(props: {
  value: DeadLetterForm;
  suggestions: Suggestions;
  onApply: (form: DeadLetterForm) => void;
}) {
  const id = useId();
  const [form, setForm] = useState(props.value);
  const set = (field: keyof DeadLetterForm, value: string) => setForm({ ...form, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(form);
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="filters">
      <h2 id={`${id}-title`}>Filters</h2>
      <div className="filter-grid">
        {TEXT_FIELDS.map(([field, label, hint]) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              maxLength={200}
              list={`${id}-${field}-seen`}
              aria-describedby={`${id}-${field}-hint`}
              value={form[field]}
              onChange={(event) => set(field, event.target.value)}
            />
            <span id={`${id}-${field}-hint`} className="hint">
              {hint}
            </span>
            <datalist id={`${id}-${field}-seen`}>
              {props.suggestions[field].map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={form.status}
            onChange={(event) => set('status', event.target.value)}
          >
            <option value="open">Open</option>
            <option value="replayed">Replayed</option>
            <option value="">Any</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Failed from</label>
          <input
            id={`${id}-from`}
            type="date"
            value={form.fromDay}
            onChange={(event) => set('fromDay', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Failed to (included)</label>
          <input
            id={`${id}-to`}
            type="date"
            value={form.toDay}
            onChange={(event) => set('toDay', event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="primary">
        Apply filters
      </button>
    </form>
  );
}
