import { useSession } from './session-context';

/** Picks the store the store-scoped screens show. */
export function StorePicker({ loading }: { loading: boolean }) {
  const { stores, store, selectStore } = useSession();
  if (loading) return <p className="store-picker muted">Loading stores…</p>;
  if (stores.length === 0) return <p className="store-picker muted">No stores yet</p>;
  return (
    <div className="store-picker">
      <label htmlFor="store-picker">Store</label>
      <select
        id="store-picker"
        value={store?.id ?? ''}
        onChange={(event) => selectStore(event.target.value)}
      >
        {stores.map((each) => (
          <option key={each.id} value={each.id}>
            {each.name} ({each.platform}){each.uninstalledAt ? ' — uninstalled' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
