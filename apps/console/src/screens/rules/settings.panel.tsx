import { useCallback, useId, useState, type FormEvent } from 'react';
import type { Store } from '../../api/types';
import { LiveStatus, Loading, ProblemView } from '../../components/feedback';
import { JsonEditor } from '../../components/json-editor';
import { UnsafeButton } from '../../components/unsafe-button';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { parseJsonText, prettyJson, withSection } from '../../lib/json-text';
import { segment } from '../../lib/query';
import { useSession } from '../../session/session-context';

type Settings = Record<string, unknown>;

/** The parts of a store's settings, each edited on its own; the status maps are two of them. */
const SECTIONS = [
  { id: 'notifications', title: 'Notification settings' },
  { id: 'fulfilment', title: 'Status map: store statuses sent to fulfilment' },
  { id: 'tracking', title: 'Status map: tracking write-back to the store' },
  { id: 'returns', title: 'Returns policy' },
  { id: 'inventory', title: 'Inventory' },
  { id: 'trackingPage', title: 'Tracking page' },
] as const;

function SectionEditor(props: {
  path: string;
  settings: Settings;
  section: string;
  title: string;
  onSaved: (settings: Settings) => void;
}) {
  const { api } = useSession();
  const [text, setText] = useState(() => prettyJson(props.settings[props.section] ?? {}));
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(text);
    if (!parsed.ok) return;
    const next = withSection(props.settings, props.section, parsed.value);
    const saved = await action.run(() => api.put<Settings>(props.path, next));
    if (saved) props.onSaved(saved);
  };
  return (
    <form onSubmit={(event) => void save(event)}>
      <JsonEditor
        label={`${props.title} (JSON)`}
        value={text}
        onChange={setText}
        problem={action.problem}
      />
      <ProblemView problem={action.problem} details={false} />
      <UnsafeButton type="submit" className="primary" busy={action.busy}>
        Save settings
      </UnsafeButton>
    </form>
  );
}

/** The store's settings, a section at a time: notifications, status maps, returns, and more. */
export function SettingsPanel({ store }: { store: Store }) {
  const { api } = useSession();
  const id = useId();
  const [section, setSection] = useState<string>(SECTIONS[0].id);
  const [saved, setSaved] = useState<{ settings: Settings; count: number }>();
  const path = `/stores/${segment(store.id)}/settings`;
  // The store carries its settings; saving puts them back whole.
  const loaded = useResource(
    useCallback(
      async (signal: AbortSignal) =>
        (await api.get<Store>(`/stores/${segment(store.id)}`, undefined, signal)).settings ?? {},
      [api, store.id],
    ),
  );
  const settings = saved?.settings ?? loaded.data;
  const title = SECTIONS.find((each) => each.id === section)?.title ?? section;
  return (
    <section aria-labelledby="store-settings">
      <h2 id="store-settings">Store settings</h2>
      <div className="field">
        <label htmlFor={`${id}-section`}>Section</label>
        <select id={`${id}-section`} value={section} onChange={(e) => setSection(e.target.value)}>
          {SECTIONS.map((each) => (
            <option key={each.id} value={each.id}>
              {each.title}
            </option>
          ))}
        </select>
      </div>
      <ProblemView problem={loaded.problem} />
      <LiveStatus>
        {loaded.loading && !settings ? <Loading what="settings" /> : null}
        {saved ? <p>Settings saved.</p> : null}
      </LiveStatus>
      {settings ? (
        <SectionEditor
          key={`${section}:${saved?.count ?? 0}`}
          path={path}
          settings={settings}
          section={section}
          title={title}
          onSaved={(next) => setSaved({ settings: next, count: (saved?.count ?? 0) + 1 })}
        />
      ) : null}
    </section>
  );
}
