import { useState } from 'react';

/** Copies text to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied to the clipboard.');
    } catch {
      setSaid('The browser did not allow copying: select the text and copy it by hand.');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {said}
      </span>
    </>
  );
}

/** A secret the API shows this once (a webhook secret, an API token), with a copy button. */
export function SecretOnce({
  label,
  secret,
  what,
}: {
  label: string;
  secret: string;
  what: string;
}) {
  return (
    <div className="secret" role="group" aria-label={label}>
      <p>
        <strong>{label}</strong> — shown this once. Store the {what} now: it cannot be shown again.
      </p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <CopyButton text={secret} label={`Copy ${what}`} />
    </div>
  );
}
