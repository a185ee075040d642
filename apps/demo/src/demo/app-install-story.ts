import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { openAccounts } from '@shiplink/test-world/sandbox';
import { say } from './print';

interface AppInstallStoryInput {
  admin: AdminClient;
  publicUrl: string;
  bigcommerceUrl: string;
  clientId: string;
}

/** Follows a redirect chain as a browser would, without its cookies: the last answer. */
async function follow(url: string, hops = 4): Promise<Response> {
  const answer = await fetch(url, { redirect: 'manual' });
  const next = answer.headers.get('location');
  if (hops === 0 || !next || answer.status < 300 || answer.status >= 400) return answer;
  return follow(new URL(next, url).toString(), hops - 1);
}

/**
 * A merchant installs the hub from the BigCommerce control panel: the store, its connection and
 * its webhooks appear with nothing pasted. A second store is left for the person watching to
 * install by hand in the simulator's control panel.
 */
export async function runAppInstallStory(input: AppInstallStoryInput) {
  say.step('A merchant installs Shiplink from the BigCommerce control panel');
  const bigcommerce = new SimulatorControl(input.bigcommerceUrl);
  const [installed, manual] = [
    await openAccounts({ bigcommerce: input.bigcommerceUrl } as never, {
      providers: [],
      storeRef: 'marketstall1',
    }),
    await openAccounts({ bigcommerce: input.bigcommerceUrl } as never, {
      providers: [],
      storeRef: 'cornershop1',
    }),
  ];
  const apps = `/stores/${installed.storeRef}/apps/${input.clientId}`;
  const { authCallbackUrl } = await bigcommerce.post<{ authCallbackUrl: string }>(
    `${apps}/install`,
  );
  const landing = await follow(authCallbackUrl);
  const stores = (await input.admin.http.get<{ id: string; externalRef: string }[]>('/stores'))
    .data;
  const store = stores.find((s) => s.externalRef === installed.storeRef);
  if (!store) throw new Error('the installed store is not in the hub');
  const hooks = await bigcommerce.get<{ scope: string }[]>(`/stores/${installed.storeRef}/hooks`);
  say.ok(
    `"Install" clicked for store ${installed.storeRef}: the console opened (${landing.status})`,
  );
  say.ok(`store ${store.id} connected, ${hooks.length} webhooks registered at BigCommerce`);
  const panel = `${input.bigcommerceUrl}/manage/stores/${manual.storeRef}/apps`;
  say.info(`Try it: open ${panel} and click Install, then Open`);
  return { storeId: store.id, controlPanel: panel };
}
