import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { Principal, Store } from '../api/types';

export interface SessionValue {
  principal: Principal;
  api: ApiClient;
  stores: Store[];
  /** The store the store-scoped screens show; undefined while the tenant has none. */
  store: Store | undefined;
  selectStore: (storeId: string) => void;
  /** False for viewers: the unsafe buttons are disabled. */
  canWrite: boolean;
}

export const SessionContext = createContext<SessionValue | undefined>(undefined);

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a signed-in console');
  return session;
}
