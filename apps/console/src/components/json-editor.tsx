import { useId } from 'react';
import type { ApiProblem } from '../api/problem';
import { parseJsonText } from '../lib/json-text';

/**
 * JSON in a textarea: says at once when the text is not JSON, and lists the API's validation
 * problems (`details`) under the field they are about.
 */
export function JsonEditor(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  problem?: ApiProblem | undefined;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  const parsed = parseJsonText(props.value);
  const invalid = !parsed.ok || (props.problem?.details.length ?? 0) > 0;
  const describedBy = [props.hint ? `${id}-hint` : '', `${id}-check`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="code"
        rows={props.rows ?? 14}
        spellCheck={false}
        value={props.value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <div id={`${id}-check`} aria-live="polite">
        {parsed.ok ? null : <p className="field-error">{parsed.message}</p>}
        {props.problem && props.problem.details.length > 0 ? (
          <ul className="field-error" aria-label={`Problems in ${props.label}`}>
            {props.problem.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
