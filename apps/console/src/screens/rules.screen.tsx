import type { Store } from '../api/types';
import { Link } from '../components/link';
import { ScreenHeading } from '../components/screen-heading';
import { BASE } from '../hooks/use-route';
import { href } from '../lib/routes';
import { RateRulesPanel } from './rules/rate-rules.panel';
import { RoutingRulesPanel } from './rules/routing-rules.panel';
import { SettingsPanel } from './rules/settings.panel';
import { TemplatesPanel } from './rules/templates.panel';

const TABS = [
  { id: 'routing', title: 'Routing rules' },
  { id: 'rates', title: 'Checkout rate rules' },
  { id: 'templates', title: 'Notification templates' },
  { id: 'settings', title: 'Store settings' },
] as const;

type TabId = (typeof TABS)[number]['id'];

const tabOf = (value: string | undefined): TabId =>
  TABS.find((tab) => tab.id === value)?.id ?? 'routing';

/** The store's rules: routing, checkout rates, notification templates, settings and status map. */
export function RulesScreen({ store, tab }: { store: Store; tab: string | undefined }) {
  const current = tabOf(tab);
  return (
    <>
      <ScreenHeading title="Rules">
        <p className="muted">{store.name}</p>
      </ScreenHeading>
      <nav aria-label="Kinds of rules" className="tabs">
        <ul>
          {TABS.map((each) => (
            <li key={each.id}>
              <Link
                to={href(BASE, 'rules', each.id)}
                aria-current={each.id === current ? 'page' : undefined}
              >
                {each.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'routing' ? <RoutingRulesPanel key={store.id} store={store} /> : null}
      {current === 'rates' ? <RateRulesPanel key={store.id} store={store} /> : null}
      {current === 'templates' ? <TemplatesPanel key={store.id} store={store} /> : null}
      {current === 'settings' ? <SettingsPanel key={store.id} store={store} /> : null}
    </>
  );
}
