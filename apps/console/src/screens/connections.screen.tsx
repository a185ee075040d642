import { useCallback } from 'react';
import type { Connection, Store } from '../api/types';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { ScreenHeading } from '../components/screen-heading';
import { useResource } from '../hooks/use-resource';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';
import { ConnectionCard } from './connection-card';

/** The store's connections, each with its health and its webhook actions. */
export function ConnectionsScreen({ store }: { store: Store }) {
  const { api } = useSession();
  const connections = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<Connection[]>(`/stores/${segment(store.id)}/connections`, undefined, signal),
      [api, store.id],
    ),
  );
  const list = connections.data ?? [];
  return (
    <>
      <ScreenHeading title="Connections">
        <p className="muted">{store.name}</p>
      </ScreenHeading>
      <ProblemView problem={connections.problem} />
      <LiveStatus>
        {connections.loading ? <Loading what="connections" /> : null}
        {connections.data && list.length === 0 ? <p>The store has no connections yet.</p> : null}
      </LiveStatus>
      {list.map((connection) => (
        <ConnectionCard key={connection.id} connection={connection} />
      ))}
    </>
  );
}
