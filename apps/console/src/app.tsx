import { useEffect, useState } from 'react';
import { asProblem, type ApiProblem } from './api/problem';
import { currentSession } from './api/session';
import type { Session } from './api/types';
import { ProblemView } from './components/feedback';
import { safeNext } from './lib/routes';
import { SignedIn } from './session/signed-in';
import { SignInScreen } from './screens/sign-in.screen';

/** Undefined while the session is being asked for; null when there is none (sign in). */
type SessionState = Session | null | undefined;

/**
 * Bull Board sends the operator here to sign in (`?next=/admin/queues`): once signed in, back
 * there. Only the platform operator may see it, so nobody else is sent on.
 */
function leaveFor(session: Session): boolean {
  const next = safeNext(new URLSearchParams(window.location.search).get('next'));
  if (!next || session.principal.kind !== 'platform') return false;
  window.location.assign(next);
  return true;
}

/** The console: the sign-in screen until a session exists, then the signed-in shell. */
export function App() {
  const [session, setSession] = useState<SessionState>(undefined);
  const [problem, setProblem] = useState<ApiProblem>();

  useEffect(() => {
    currentSession().then(
      (found) => {
        if (found && leaveFor(found)) return;
        setSession(found ?? null);
      },
      (error: unknown) => {
        setProblem(asProblem(error));
        setSession(null);
      },
    );
  }, []);

  if (session === undefined) {
    return (
      <main id="main" className="centered">
        <p role="status">Checking your session…</p>
      </main>
    );
  }
  if (session === null) {
    return (
      <>
        {problem ? (
          <div className="centered">
            <ProblemView problem={problem} />
          </div>
        ) : null}
        <SignInScreen
          onSignedIn={(next) => {
            setProblem(undefined);
            if (!leaveFor(next)) setSession(next);
          }}
        />
      </>
    );
  }
  return <SignedIn session={session} onSignedOut={() => setSession(null)} />;
}
