import { useCallback, useState } from 'react';
import type { Store } from '../../api/types';
import { LiveStatus, Loading, ProblemView } from '../../components/feedback';
import { TableWrap } from '../../components/table-wrap';
import { useResource } from '../../hooks/use-resource';
import { formatDateTime, NONE } from '../../lib/format';
import { segment } from '../../lib/query';
import { templateLabel, type TemplateKey } from '../../lib/templates';
import { useSession } from '../../session/session-context';
import { TemplateEditor } from './template-editor';

interface TemplateSummary extends TemplateKey {
  customized: boolean;
  version: number | null;
  savedAt: string | null;
  savedBy: string | null;
}

const sameKey = (a: TemplateKey | undefined, b: TemplateKey) =>
  a !== undefined &&
  a.trigger === b.trigger &&
  a.channel === b.channel &&
  a.language === b.language;

/** Every customer message (trigger × channel × language): the default or the store's own. */
export function TemplatesPanel({ store }: { store: Store }) {
  const { api } = useSession();
  const [editing, setEditing] = useState<TemplateKey>();
  const [outcome, setOutcome] = useState('');
  const templates = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<TemplateSummary[]>(
          `/stores/${segment(store.id)}/notification-templates`,
          undefined,
          signal,
        ),
      [api, store.id],
    ),
  );
  const changed = (message: string) => {
    setOutcome(message);
    templates.reload();
  };
  return (
    <section aria-labelledby="notification-templates">
      <h2 id="notification-templates">Notification templates</h2>
      <ProblemView problem={templates.problem} />
      <LiveStatus>
        {templates.loading && !templates.data ? <Loading what="templates" /> : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      {editing ? (
        <TemplateEditor
          key={templateLabel(editing)}
          storeId={store.id}
          templateKey={editing}
          onChanged={changed}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {templates.data ? (
        <TableWrap label="Notification templates">
          <table>
            <caption>Customer messages</caption>
            <thead>
              <tr>
                <th scope="col">Trigger</th>
                <th scope="col">Channel</th>
                <th scope="col">Language</th>
                <th scope="col">Source</th>
                <th scope="col">Saved</th>
                <th scope="col">
                  <span className="visually-hidden">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.data.map((template) => (
                <tr
                  key={templateLabel(template)}
                  className={sameKey(editing, template) ? 'selected' : undefined}
                >
                  <td>{template.trigger}</td>
                  <td>{template.channel}</td>
                  <td>{template.language}</td>
                  <td>
                    {template.customized ? `The store’s (version ${template.version})` : 'Default'}
                  </td>
                  <td>
                    {template.savedAt
                      ? `${formatDateTime(template.savedAt)}${template.savedBy ? ` by ${template.savedBy}` : ''}`
                      : NONE}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setEditing(template)}
                      aria-label={`Edit ${templateLabel(template)}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
