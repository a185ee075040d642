import { useCallback, useId, useState, type FormEvent } from 'react';
import { ROLES, type Role, type User } from '../api/types';
import { ConfirmPanel } from '../components/confirm-panel';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { TableWrap } from '../components/table-wrap';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { formatDateTime } from '../lib/format';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

function AddUser({ onAdded }: { onAdded: (message: string) => void }) {
  const { api } = useSession();
  const id = useId();
  const [form, setForm] = useState<{ email: string; role: Role; password: string }>({
    email: '',
    role: 'operator',
    password: '',
  });
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await action.run(() => api.post<User>('/users', form));
    if (added) {
      setForm({ email: '', role: 'operator', password: '' });
      onAdded(`${added.email} was added as ${added.role}.`);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`}>Add user</h3>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          autoComplete="off"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={form.role}
          onChange={(e) => isRole(e.target.value) && setForm({ ...form, role: e.target.value })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Initial password</label>
        <input
          id={`${id}-password`}
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <p className="hint">
          At least 12 characters. Give it to the person by another channel than e-mail.
        </p>
      </div>
      <ProblemView problem={action.problem} />
      <UnsafeButton type="submit" className="primary" busy={action.busy}>
        Add user
      </UnsafeButton>
    </form>
  );
}

function UserRow(props: {
  user: User;
  self: boolean;
  onRemove: (user: User) => void;
  onChanged: (m: string) => void;
}) {
  const { api } = useSession();
  const { user } = props;
  const [role, setRole] = useState<Role>(user.role);
  const action = useAction();
  // A removed user is disabled, not deleted: listed, but nothing more to change.
  const fixed = props.self || Boolean(user.disabledAt);
  const save = async () => {
    const saved = await action.run(() => api.patch<User>(`/users/${segment(user.id)}`, { role }));
    if (saved) props.onChanged(`${user.email} is now ${saved.role}.`);
  };
  return (
    <tr>
      <th scope="row">
        {user.email}
        {props.self ? ' (you)' : ''}
        {user.disabledAt ? ` (removed ${formatDateTime(user.disabledAt)})` : ''}
      </th>
      <td>
        <select
          aria-label={`Role of ${user.email}`}
          value={role}
          disabled={fixed}
          onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
        >
          {ROLES.map((each) => (
            <option key={each} value={each}>
              {each}
            </option>
          ))}
        </select>
        <UnsafeButton
          busy={action.busy}
          disabled={fixed || role === user.role}
          onClick={() => void save()}
          aria-label={`Change role of ${user.email}`}
        >
          Change role
        </UnsafeButton>
        <ProblemView problem={action.problem} />
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>{formatDateTime(user.lastLoginAt)}</td>
      <td>
        <UnsafeButton
          disabled={fixed}
          onClick={() => props.onRemove(user)}
          aria-label={`Remove ${user.email}`}
        >
          Remove
        </UnsafeButton>
      </td>
    </tr>
  );
}

/** The tenant's users: their roles, adding one, changing a role, removing one. */
export function UsersSection() {
  const { api, principal } = useSession();
  const [outcome, setOutcome] = useState('');
  const [removing, setRemoving] = useState<User>();
  const action = useAction();
  const users = useResource(
    useCallback((signal: AbortSignal) => api.get<User[]>('/users', undefined, signal), [api]),
  );
  const changed = (message: string) => {
    setOutcome(message);
    users.reload();
  };
  const remove = async () => {
    if (!removing) return;
    const done = await action.run(async () => {
      await api.delete(`/users/${segment(removing.id)}`);
      return true;
    });
    setRemoving(undefined);
    if (done) changed(`${removing.email} was removed.`);
  };
  const selfId = principal.kind === 'user' ? principal.userId : undefined;
  return (
    <section aria-labelledby="users">
      <h2 id="users">Users</h2>
      <ProblemView problem={users.problem ?? action.problem} />
      <LiveStatus>
        {users.loading && !users.data ? <Loading what="users" /> : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      {removing ? (
        <ConfirmPanel
          title={`Remove ${removing.email}?`}
          confirmLabel="Remove user"
          busy={action.busy}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(undefined)}
        >
          <p>They are signed out at once and cannot sign in again.</p>
        </ConfirmPanel>
      ) : null}
      {users.data ? (
        <TableWrap label="Users">
          <table>
            <caption>Users of this tenant</caption>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={`${user.id}:${user.role}`}
                  user={user}
                  self={user.id === selfId}
                  onRemove={setRemoving}
                  onChanged={changed}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <AddUser onAdded={changed} />
    </section>
  );
}
