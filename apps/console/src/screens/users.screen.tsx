import { ScreenHeading } from '../components/screen-heading';
import { isOwner } from '../lib/principal';
import { useSession } from '../session/session-context';
import { AdminActionsSection } from './admin-actions.section';
import { TokensSection } from './tokens.section';
import { UsersSection } from './users.section';

/** The tenant's users and API tokens (its owner's business), and who did what in the admin. */
export function UsersScreen() {
  const { principal } = useSession();
  return (
    <>
      <ScreenHeading title="Users & tokens" />
      {isOwner(principal) ? (
        <>
          <UsersSection />
          <TokensSection />
        </>
      ) : (
        <p>Users and API tokens belong to a tenant: its owner manages them.</p>
      )}
      <AdminActionsSection />
    </>
  );
}
