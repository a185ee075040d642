import { useEffect, useId, useRef, type ReactNode } from 'react';
import { UnsafeButton } from './unsafe-button';

/**
 * Asks before an action that cannot be taken back: what would happen, then Confirm or Cancel.
 * Focus moves to its heading, so keyboard and screen reader users land on the question.
 */
export function ConfirmPanel(props: {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  /** Until what the question asks for is given (a field in `children`). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="confirm" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h3>
      {props.children}
      <div className="actions">
        <UnsafeButton
          className="primary"
          busy={props.busy}
          disabled={props.confirmDisabled}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </UnsafeButton>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
