import { useState, type FormEvent } from 'react';
import { signIn, type Credentials } from '../api/session';
import type { Session } from '../api/types';
import { ProblemView } from '../components/feedback';
import { ScreenHeading } from '../components/screen-heading';
import { useAction } from '../hooks/use-action';

/** A tenant user signs in with e-mail and password; the platform operator with its token. */
export function SignInScreen({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [operatorToken, setOperatorToken] = useState('');
  const action = useAction();

  const submit = (credentials: Credentials) => async (event: FormEvent) => {
    event.preventDefault();
    const session = await action.run(() => signIn(credentials));
    if (session) onSignedIn(session);
  };

  return (
    <main id="main" className="sign-in">
      <ScreenHeading title="Sign in" />
      <p>Sign in to the Shiplink console to see and manage your stores.</p>
      {new URLSearchParams(window.location.search).get('launch') === 'expired' ? (
        <p className="notice" role="status">
          The sign-in link from BigCommerce has expired. Open the app from BigCommerce again, or
          sign in here.
        </p>
      ) : null}
      <ProblemView problem={action.problem} />
      <form onSubmit={submit({ email, password })} aria-labelledby="sign-in-user">
        <h2 id="sign-in-user">With your e-mail</h2>
        <div className="field">
          <label htmlFor="sign-in-email">E-mail</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={action.busy}>
          Sign in
        </button>
      </form>
      <form onSubmit={submit({ operatorToken })} aria-labelledby="sign-in-operator">
        <h2 id="sign-in-operator">As the platform operator</h2>
        <div className="field">
          <label htmlFor="sign-in-token">Operator token</label>
          <input
            id="sign-in-token"
            type="password"
            autoComplete="off"
            required
            value={operatorToken}
            onChange={(event) => setOperatorToken(event.target.value)}
          />
        </div>
        <button type="submit" disabled={action.busy}>
          Sign in as operator
        </button>
      </form>
    </main>
  );
}
