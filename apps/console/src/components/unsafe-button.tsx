import type { ButtonHTMLAttributes } from 'react';
import { useSession } from '../session/session-context';

/** The note every disabled unsafe button points at (shown once, at the top of the screen). */
export const READ_ONLY_NOTE_ID = 'read-only-note';

/**
 * A button that changes something: disabled for viewers, and described by the note that says
 * why. `busy` disables it while its request runs.
 */
export function UnsafeButton({
  busy = false,
  disabled,
  type = 'button',
  title,
  'aria-describedby': describedBy,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean }) {
  const { canWrite } = useSession();
  return (
    <button
      {...rest}
      type={type}
      disabled={!canWrite || busy || disabled}
      aria-describedby={canWrite ? describedBy : READ_ONLY_NOTE_ID}
      aria-busy={busy || undefined}
      title={canWrite ? title : 'Viewers cannot make changes'}
    />
  );
}
