import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/problem';

/**
 * What went wrong, with the API's details (validation problems) listed under it, unless a form
 * field lists them already (`details={false}`).
 */
export function ProblemView({
  problem,
  details = true,
}: {
  problem: ApiProblem | undefined;
  details?: boolean;
}) {
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <p>
        <strong>{problem.message}</strong>
        {problem.status > 0 ? <span className="code"> ({problem.code})</span> : null}
      </p>
      {details && problem.details.length > 0 ? (
        <ul aria-label="Problems">
          {problem.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A polite live region: results and outcomes read out when they change. It is always rendered,
 * so screen readers are watching it before anything is said.
 */
export function LiveStatus({ children, label }: { children?: ReactNode; label?: string }) {
  return (
    <div className="status" role="status" aria-label={label}>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}
