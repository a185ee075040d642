import type { ApiProblem } from '../api/problem';
import { signOut } from '../api/session';
import { ProblemView } from '../components/feedback';
import { Link } from '../components/link';
import { READ_ONLY_NOTE_ID } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { BASE, useRoute } from '../hooks/use-route';
import { isPlatform, principalLabel } from '../lib/principal';
import { href, visibleScreens } from '../lib/routes';
import { InstalledBanner } from './installed-banner';
import { ScreenOutlet } from './screen-outlet';
import { useSession } from './session-context';
import { StorePicker } from './store-picker';

/** Bull Board, for the platform operator (behind its own HTTP Basic credentials). */
const QUEUES_URL = '/admin/queues';

/** The signed-in page: header (store, who, sign out), navigation, and the current screen. */
export function Shell(props: {
  csrfToken: string;
  storesProblem: ApiProblem | undefined;
  storesLoading: boolean;
  expired: boolean;
  onSignedOut: () => void;
}) {
  const { principal, canWrite } = useSession();
  const route = useRoute();
  const signingOut = useAction();

  const leave = async () => {
    const done = await signingOut.run(async () => {
      await signOut(props.csrfToken);
      return true;
    });
    if (done) props.onSignedOut();
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <p className="brand">Shiplink console</p>
        <StorePicker loading={props.storesLoading} />
        <div className="who">
          <span>
            Signed in as <strong>{principalLabel(principal)}</strong>
          </span>
          <button type="button" onClick={() => void leave()} disabled={signingOut.busy}>
            Sign out
          </button>
        </div>
      </header>
      <div className="layout">
        <nav aria-label="Main" className="side-nav">
          <ul>
            {visibleScreens(principal).map((screen) => (
              <li key={screen.id}>
                <Link
                  to={href(BASE, screen.id)}
                  aria-current={route.screen === screen.id ? 'page' : undefined}
                >
                  {screen.title}
                </Link>
              </li>
            ))}
            {isPlatform(principal) ? (
              <li>
                <a href={QUEUES_URL}>Queues (Bull Board)</a>
              </li>
            ) : null}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <ProblemView problem={signingOut.problem} />
          {props.expired ? (
            <div className="notice" role="alert">
              <p>Your session has ended.</p>
              <button type="button" className="primary" onClick={props.onSignedOut}>
                Sign in again
              </button>
            </div>
          ) : null}
          <InstalledBanner />
          {canWrite ? null : (
            <p id={READ_ONLY_NOTE_ID} className="notice">
              You have read-only access (viewer): buttons that change things are disabled.
            </p>
          )}
          <ProblemView problem={props.storesProblem} />
          <ScreenOutlet route={route} />
        </main>
      </div>
    </>
  );
}
