import { useCallback, useId, useState } from 'react';
import type { Connection, ConnectionHealth, WebhookRegistration } from '../api/types';
import { ConfirmPanel } from '../components/confirm-panel';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { SecretOnce } from '../components/secret-once';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { formatDateTime, NONE } from '../lib/format';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : NONE);

function HealthList({ health }: { health: ConnectionHealth }) {
  const { webhooks } = health;
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>{health.active ? 'Active' : 'Inactive'}</dd>
      <dt>Last event</dt>
      <dd>{formatDateTime(health.lastEventAt)}</dd>
      <dt>Webhooks expected</dt>
      <dd>{list(webhooks.expected)}</dd>
      <dt>Webhooks present</dt>
      <dd>{webhooks.checked ? list(webhooks.present) : 'Not checked'}</dd>
      <dt>Webhooks missing</dt>
      <dd className={webhooks.missing.length > 0 ? 'bad' : undefined}>
        {webhooks.checked ? list(webhooks.missing) : 'Not checked'}
      </dd>
      {webhooks.error ? (
        <>
          <dt>Webhook check</dt>
          <dd className="bad">{webhooks.error}</dd>
        </>
      ) : null}
      <dt>Token expires</dt>
      <dd>{health.tokenExpiresAt ? formatDateTime(health.tokenExpiresAt) : 'Does not expire'}</dd>
    </dl>
  );
}

/** One connection: its health, re-registering its webhooks, and rotating its secret. */
export function ConnectionCard({ connection }: { connection: Connection }) {
  const { api } = useSession();
  const headingId = useId();
  const path = `/connections/${segment(connection.id)}`;
  const health = useResource(
    useCallback(
      (signal: AbortSignal) => api.get<ConnectionHealth>(`${path}/health`, undefined, signal),
      [api, path],
    ),
  );
  const register = useAction();
  const rotate = useAction();
  const [registered, setRegistered] = useState<WebhookRegistration>();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [given, setGiven] = useState('');
  const { newSecretFrom } = connection.webhook;

  const reRegister = async () => {
    const answer = await register.run(() => api.post<WebhookRegistration>(`${path}/webhooks`));
    if (answer) {
      setRegistered(answer);
      health.reload();
    }
  };

  const rotateSecret = async () => {
    const body = newSecretFrom ? { webhookSecret: given.trim() } : {};
    const answer = await rotate.run(() => api.post<Connection>(`${path}/webhook-secret`, body));
    if (!answer) return;
    setConfirming(false);
    setGiven('');
    setSecret(answer.webhook.secret);
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{connection.provider} connection</h2>
      <p className="muted">
        Webhook URL <code>{connection.webhook.url}</code> · secret fingerprint{' '}
        <code>{connection.webhook.secretFingerprint}</code>
      </p>
      <ProblemView problem={health.problem} />
      {health.loading && !health.data ? <Loading what="health" /> : null}
      {health.data ? <HealthList health={health.data} /> : null}
      <div className="actions">
        <UnsafeButton busy={register.busy} onClick={() => void reRegister()}>
          Re-register webhooks
        </UnsafeButton>
        <UnsafeButton onClick={() => setConfirming(true)} disabled={confirming}>
          Rotate secret
        </UnsafeButton>
      </div>
      <ProblemView problem={register.problem ?? rotate.problem} />
      {confirming ? (
        <ConfirmPanel
          title="Rotate the webhook secret?"
          confirmLabel="Rotate secret now"
          busy={rotate.busy}
          confirmDisabled={newSecretFrom !== undefined && given.trim() === ''}
          onConfirm={() => void rotateSecret()}
          onCancel={() => setConfirming(false)}
        >
          {newSecretFrom ? (
            <>
              <p>
                {connection.provider} issues this secret: rotate it there first, then give the new
                one here. Webhooks signed with the old secret are refused from now on.
              </p>
              <div className="field">
                <label htmlFor={`${headingId}-secret`}>New secret</label>
                <input
                  id={`${headingId}-secret`}
                  type="password"
                  required
                  autoComplete="off"
                  aria-describedby={`${headingId}-secret-hint`}
                  value={given}
                  onChange={(e) => setGiven(e.target.value)}
                />
                <p className="hint" id={`${headingId}-secret-hint`}>
                  {newSecretFrom}
                </p>
              </div>
            </>
          ) : (
            <p>
              Webhooks signed with the old secret are refused from now on. Re-register the webhooks
              (or paste the new secret in the provider’s admin) right after.
            </p>
          )}
        </ConfirmPanel>
      ) : null}
      <LiveStatus>
        {registered ? (
          <p>
            Webhooks registered: {list(registered.registered)}. Already there:{' '}
            {list(registered.existing)}.
            {registered.manualSetup ? ` Still to do by hand: ${registered.manualSetup}` : ''}
          </p>
        ) : null}
        {secret ? <p>The webhook secret was rotated.</p> : null}
      </LiveStatus>
      {secret && !newSecretFrom ? (
        <SecretOnce label="New webhook secret" secret={secret} what="secret" />
      ) : null}
    </section>
  );
}
