import { useCallback, useId, useState, type FormEvent } from 'react';
import { LiveStatus, Loading, ProblemView } from '../../components/feedback';
import { ConfirmPanel } from '../../components/confirm-panel';
import { JsonEditor } from '../../components/json-editor';
import { UnsafeButton } from '../../components/unsafe-button';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { parseJsonText, prettyJson } from '../../lib/json-text';
import { actorName } from '../../lib/principal';
import { segment } from '../../lib/query';
import { fieldsToSave, templateLabel, templatePath, type TemplateKey } from '../../lib/templates';
import { useSession } from '../../session/session-context';

interface TemplateView extends TemplateKey {
  customized: boolean;
  version: number | null;
  customizedFields: string[];
  template: Record<string, string>;
}

type Preview =
  { subject: string; html: string; text: string } | { body: string; characters: number };

function PreviewView({ preview }: { preview: Preview }) {
  if ('body' in preview) {
    return (
      <div className="preview">
        <pre className="json">{preview.body}</pre>
        <p className="muted">{preview.characters} characters</p>
      </div>
    );
  }
  return (
    <div className="preview">
      <p>
        <strong>Subject:</strong> {preview.subject}
      </p>
      {/* The merchant's markup, sandboxed: nothing in it runs. */}
      <iframe title="E-mail preview" sandbox="" srcDoc={preview.html} className="preview-frame" />
      <details>
        <summary>Plain-text version</summary>
        <pre className="json">{preview.text}</pre>
      </details>
    </div>
  );
}

function TemplateForm(props: {
  storeId: string;
  view: TemplateView;
  onSaved: (message: string) => void;
}) {
  const { api, principal } = useSession();
  const id = useId();
  const { view } = props;
  const label = templateLabel(view);
  const path = `/stores/${templatePath(props.storeId, view)}`;
  const [text, setText] = useState(() => prettyJson(view.template));
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [confirmReset, setConfirmReset] = useState(false);
  const action = useAction();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(text);
    if (!parsed.ok) return;
    const fields = fieldsToSave(view.template, parsed.value, view.customizedFields);
    setNote(fields.ok ? '' : fields.message);
    if (!fields.ok) return;
    const body = { ...fields.fields, by: actorName(principal) };
    const saved = await action.run(() => api.put<{ version: number }>(path, body));
    if (saved) props.onSaved(`Template ${label} saved as version ${saved.version}.`);
  };

  const showPreview = async () => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return;
    const body = {
      trigger: view.trigger,
      channel: view.channel,
      language: view.language,
      template: parsed.value,
    };
    const previewPath = `/stores/${segment(props.storeId)}/notification-templates/preview`;
    setPreview(await action.run(() => api.post<Preview>(previewPath, body)));
  };

  const reset = async () => {
    const done = await action.run(async () => {
      await api.delete(path);
      return true;
    });
    setConfirmReset(false);
    if (done) props.onSaved(`Template ${label} is the default again.`);
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Template {label}</h3>
      <p className="muted">
        {view.customized ? `The store’s own, version ${view.version}` : 'The default'}
        {view.customizedFields.length > 0 ? ` (set: ${view.customizedFields.join(', ')})` : ''}.
      </p>
      <JsonEditor
        label="Template fields (JSON)"
        hint={
          view.channel === 'email' ? 'subject, html and text (Handlebars).' : 'body (Handlebars).'
        }
        value={text}
        onChange={setText}
        problem={action.problem}
      />
      {note ? <p className="field-error">{note}</p> : null}
      <ProblemView problem={action.problem} details={false} />
      <div className="actions">
        <UnsafeButton type="submit" className="primary" busy={action.busy}>
          Save template
        </UnsafeButton>
        <UnsafeButton busy={action.busy} onClick={() => void showPreview()}>
          Preview
        </UnsafeButton>
        {view.customized ? (
          <UnsafeButton onClick={() => setConfirmReset(true)}>Reset to default</UnsafeButton>
        ) : null}
      </div>
      {confirmReset ? (
        <ConfirmPanel
          title={`Reset ${label} to the default?`}
          confirmLabel="Reset template"
          busy={action.busy}
          onConfirm={() => void reset()}
          onCancel={() => setConfirmReset(false)}
        >
          <p>
            Customers get the default message from now on. Earlier versions stay in the history.
          </p>
        </ConfirmPanel>
      ) : null}
      <LiveStatus>{preview ? <p>Preview of {label} with the sample order.</p> : null}</LiveStatus>
      {preview ? <PreviewView preview={preview} /> : null}
    </form>
  );
}

/** One template: its fields as JSON, saved (validated), previewed, or reset to the default. */
export function TemplateEditor(props: {
  storeId: string;
  templateKey: TemplateKey;
  onChanged: (message: string) => void;
  onClose: () => void;
}) {
  const { api } = useSession();
  const path = `/stores/${templatePath(props.storeId, props.templateKey)}`;
  const view = useResource(
    useCallback(
      (signal: AbortSignal) => api.get<TemplateView>(path, undefined, signal),
      [api, path],
    ),
  );
  return (
    <div className="card">
      <ProblemView problem={view.problem} />
      {view.data ? (
        <TemplateForm
          key={`${view.data.version ?? 'default'}`}
          storeId={props.storeId}
          view={view.data}
          onSaved={(message) => {
            props.onChanged(message);
            view.reload();
          }}
        />
      ) : view.loading ? (
        <Loading what="the template" />
      ) : null}
      <button type="button" onClick={props.onClose}>
        Close editor
      </button>
    </div>
  );
}
