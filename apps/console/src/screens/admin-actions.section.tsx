import { useCallback } from 'react';
import type { AdminAction } from '../api/types';
import { Loading, ProblemView } from '../components/feedback';
import { TableWrap } from '../components/table-wrap';
import { useResource } from '../hooks/use-resource';
import { cellText, formatDateTime, NONE } from '../lib/format';
import { useSession } from '../session/session-context';

const LIMIT = 100;

/** Who did what through the admin API and the console, newest first. */
export function AdminActionsSection() {
  const { api } = useSession();
  const actions = useResource(
    useCallback(
      (signal: AbortSignal) => api.get<AdminAction[]>('/admin-actions', { limit: LIMIT }, signal),
      [api],
    ),
  );
  return (
    <section aria-labelledby="admin-actions">
      <h2 id="admin-actions">Admin actions</h2>
      <ProblemView problem={actions.problem} />
      {actions.loading && !actions.data ? <Loading what="admin actions" /> : null}
      {actions.data && actions.data.length === 0 ? <p>No admin actions yet.</p> : null}
      {actions.data && actions.data.length > 0 ? (
        <TableWrap label="Admin actions">
          <table>
            <caption>The last {LIMIT} admin actions</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {actions.data.map((action, i) => (
                <tr key={action.id ?? `${action.at}:${i}`}>
                  <td>{formatDateTime(action.at)}</td>
                  <td>{action.actor?.label ?? action.actorLabel ?? NONE}</td>
                  {/* A method and a path (`POST /admin/api/dead-letters/replay`), shown as sent. */}
                  <th scope="row">{action.action}</th>
                  <td>{action.target ?? NONE}</td>
                  <td className="wrap">{cellText(action.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
