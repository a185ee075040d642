import { navigate, useRoute } from '../hooks/use-route';
import { useSession } from './session-context';

/**
 * After the app is installed in BigCommerce the browser lands on `/console/?installed=<storeId>`
 * (with `&webhooks=pending` while its webhooks are being registered): the new store is picked
 * (see signed-in.tsx) and greeted until dismissed.
 */
export function InstalledBanner() {
  const route = useRoute();
  const { stores } = useSession();
  const storeId = route.query.get('installed');
  if (!storeId) return null;
  const store = stores.find((each) => each.id === storeId);
  const dismiss = () => {
    const query = new URLSearchParams(route.query);
    query.delete('installed');
    query.delete('webhooks');
    const search = query.toString();
    navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace: true });
  };
  return (
    <div className="banner success" role="status">
      <p>
        <strong>Store connected</strong>
        {store ? `: ${store.name} is now linked to Shiplink.` : '.'}
        {route.query.get('webhooks') === 'pending'
          ? ' Its webhooks are being registered; Connections shows when they are in place.'
          : ''}
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
