import { useCallback, useId, useState, type FormEvent } from 'react';
import type { ApiToken, TokenScope } from '../api/types';
import { ConfirmPanel } from '../components/confirm-panel';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { SecretOnce } from '../components/secret-once';
import { TableWrap } from '../components/table-wrap';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { formatDateTime, NONE } from '../lib/format';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

const SCOPES: readonly TokenScope[] = ['read', 'write'];

function CreateToken({ onCreated }: { onCreated: (token: ApiToken & { token: string }) => void }) {
  const { api } = useSession();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('90');
  const action = useAction();
  const toggle = (scope: TokenScope) =>
    setScopes(
      scopes.includes(scope) ? scopes.filter((each) => each !== scope) : [...scopes, scope],
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), scopes, ...(days ? { expiresInDays: Number(days) } : {}) };
    const created = await action.run(() => api.post<ApiToken & { token: string }>('/tokens', body));
    if (created) {
      setName('');
      onCreated(created);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`}>Create token</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Token name</label>
        <input
          id={`${id}-name`}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map((scope) => (
          <div className="field checkbox" key={scope}>
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={() => toggle(scope)}
            />
            <label htmlFor={`${id}-${scope}`}>{scope === 'read' ? 'Read' : 'Write'}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-days`}>Expires in days (empty: never)</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      <ProblemView problem={action.problem} />
      <UnsafeButton
        type="submit"
        className="primary"
        busy={action.busy}
        disabled={scopes.length === 0}
      >
        Create token
      </UnsafeButton>
    </form>
  );
}

/** The tenant's API tokens: each shown once when made, and revoked here. */
export function TokensSection() {
  const { api } = useSession();
  const [created, setCreated] = useState<ApiToken & { token: string }>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const [outcome, setOutcome] = useState('');
  const action = useAction();
  const tokens = useResource(
    useCallback((signal: AbortSignal) => api.get<ApiToken[]>('/tokens', undefined, signal), [api]),
  );
  const revoke = async () => {
    if (!revoking) return;
    const done = await action.run(async () => {
      await api.delete(`/tokens/${segment(revoking.id)}`);
      return true;
    });
    setRevoking(undefined);
    if (done) {
      setOutcome(`The token ${revoking.name} was revoked.`);
      tokens.reload();
    }
  };
  return (
    <section aria-labelledby="api-tokens">
      <h2 id="api-tokens">API tokens</h2>
      <ProblemView problem={tokens.problem ?? action.problem} />
      <LiveStatus>
        {tokens.loading && !tokens.data ? <Loading what="tokens" /> : null}
        {outcome ? <p>{outcome}</p> : null}
        {created ? <p>The token {created.name} was created.</p> : null}
      </LiveStatus>
      {created ? (
        <SecretOnce label={`New token ${created.name}`} secret={created.token} what="token" />
      ) : null}
      {revoking ? (
        <ConfirmPanel
          title={`Revoke the token ${revoking.name}?`}
          confirmLabel="Revoke token"
          busy={action.busy}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(undefined)}
        >
          <p>Every request with it is refused from now on.</p>
        </ConfirmPanel>
      ) : null}
      {tokens.data ? (
        <TableWrap label="API tokens">
          <table>
            <caption>API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Revoked</th>
                <th scope="col">
                  <span className="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
                  <td>{formatDateTime(token.lastUsedAt)}</td>
                  <td>{token.revokedAt ? formatDateTime(token.revokedAt) : NONE}</td>
                  <td>
                    {token.revokedAt ? null : (
                      <UnsafeButton
                        onClick={() => setRevoking(token)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </UnsafeButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <CreateToken
        onCreated={(token) => {
          setCreated(token);
          tokens.reload();
        }}
      />
    </section>
  );
}
