import { useCallback, useMemo, useState } from 'react';
import { ApiClient } from '../api/client';
import type { Session, Store } from '../api/types';
import { useResource } from '../hooks/use-resource';
import { canWrite } from '../lib/principal';
import { SessionContext, type SessionValue } from './session-context';
import { Shell } from './shell';

const STORE_KEY = 'shiplink.console.store';

/** The store an app install or launch named (`?installed=` / `?store=`), else the last picked. */
function rememberedStore(): string | undefined {
  const query = new URLSearchParams(window.location.search);
  const named = query.get('installed') ?? query.get('store');
  if (named) return named;
  try {
    return window.localStorage.getItem(STORE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The store picked, else the first that is still installed, else the first there is. */
function pickStore(stores: readonly Store[], chosen: string | undefined): Store | undefined {
  return (
    stores.find((store) => store.id === chosen) ??
    stores.find((store) => !store.uninstalledAt) ??
    stores[0]
  );
}

/**
 * Everything a signed-in console shares: the API client (with the session's CSRF token), the
 * tenant's stores and the one picked, and whether the principal may change things.
 */
export function SignedIn({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const [expired, setExpired] = useState(false);
  const api = useMemo(
    () =>
      new ApiClient({ csrfToken: () => session.csrfToken, onUnauthorized: () => setExpired(true) }),
    [session],
  );
  const stores = useResource(
    useCallback((signal: AbortSignal) => api.get<Store[]>('/stores', undefined, signal), [api]),
  );
  const [chosen, setChosen] = useState(rememberedStore);

  const selectStore = useCallback((storeId: string) => {
    setChosen(storeId);
    try {
      window.localStorage.setItem(STORE_KEY, storeId);
    } catch {
      // A browser that keeps no storage still switches; it just forgets on reload.
    }
  }, []);

  const value = useMemo<SessionValue>(() => {
    const list = stores.data ?? [];
    return {
      principal: session.principal,
      api,
      stores: list,
      store: pickStore(list, chosen),
      selectStore,
      canWrite: canWrite(session.principal),
    };
  }, [api, chosen, selectStore, session.principal, stores.data]);

  return (
    <SessionContext.Provider value={value}>
      <Shell
        csrfToken={session.csrfToken}
        storesProblem={stores.problem}
        storesLoading={stores.loading && !stores.data}
        expired={expired}
        onSignedOut={onSignedOut}
      />
    </SessionContext.Provider>
  );
}
