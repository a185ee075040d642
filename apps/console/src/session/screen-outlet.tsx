import type { Store } from '../api/types';
import { ScreenHeading } from '../components/screen-heading';
import { isOwner, isPlatform } from '../lib/principal';
import { SCREENS, type Route } from '../lib/routes';
import { AnalyticsScreen } from '../screens/analytics.screen';
import { ConnectionsScreen } from '../screens/connections.screen';
import { DeadLetterScreen } from '../screens/dead-letter.screen';
import { DeadLettersScreen } from '../screens/dead-letters.screen';
import { LabelsScreen } from '../screens/labels.screen';
import { OrderStoryScreen } from '../screens/order-story.screen';
import { OrdersScreen } from '../screens/orders.screen';
import { ReturnsScreen } from '../screens/returns.screen';
import { ReviewsScreen } from '../screens/reviews.screen';
import { RulesScreen } from '../screens/rules.screen';
import { UsersScreen } from '../screens/users.screen';
import { useSession } from './session-context';

function storeScreen(route: Route, store: Store) {
  switch (route.screen) {
    case 'connections':
      return <ConnectionsScreen store={store} />;
    case 'reviews':
      return <ReviewsScreen store={store} />;
    case 'rules':
      return <RulesScreen store={store} tab={route.params[0]} />;
    case 'returns':
      return <ReturnsScreen store={store} />;
    case 'labels':
      return <LabelsScreen store={store} />;
    default:
      return null;
  }
}

/** The screen the route names; store-scoped ones need a store picked. */
export function ScreenOutlet({ route }: { route: Route }) {
  const { store, principal } = useSession();
  const [storeId, orderNumber] = route.params;
  switch (route.screen) {
    case 'orders':
      return storeId && orderNumber ? (
        <OrderStoryScreen storeId={storeId} orderNumber={orderNumber} />
      ) : (
        <OrdersScreen query={route.query.get('q') ?? ''} />
      );
    case 'dead-letters':
      return storeId ? <DeadLetterScreen id={storeId} /> : <DeadLettersScreen />;
    case 'analytics':
      return <AnalyticsScreen />;
    case 'users':
      return isOwner(principal) || isPlatform(principal) ? (
        <UsersScreen />
      ) : (
        <>
          <ScreenHeading title="Users & tokens" />
          <p>Only the tenant’s owner manages users and API tokens.</p>
        </>
      );
    default:
      break;
  }
  if (store) return storeScreen(route, store);
  const title = SCREENS.find((screen) => screen.id === route.screen)?.title ?? 'Console';
  return (
    <>
      <ScreenHeading title={title} />
      <p>
        No store is connected yet. Install the Shiplink app from the BigCommerce marketplace, and
        the store appears here.
      </p>
    </>
  );
}
