import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TemplateKey } from '@shiplink/db';
import { CHANNEL_FIELDS, type TemplateField } from '@shiplink/notification-templates';
import {
  PreviewTemplateSchema,
  SaveTemplateSchemas,
  templateKey,
  type NotificationTemplatesService,
  type TemplateView,
} from '../services/notification-templates.service';

const KEY = '<storeId> <trigger> <channel> <language>';
export const TEMPLATES_USAGE = `  shiplink templates list <storeId>          every notification template: the default or the store's
  shiplink templates show ${KEY} [--field <name>]
                                             the source messages use (JSON, or one field as it is)
  shiplink templates save ${KEY} --<field> <file>... [--by name]
                                             files as the next version (validated); fields: subject,
                                             html, text (email) or body (sms); the rest stay default
  shiplink templates reset ${KEY} [--by name]
                                             back to the default (the versions are kept)
  shiplink templates preview ${KEY} [--<field> <file>...] [--out <file.html>]
                                             the sample order in the store's brand, with the files as
                                             a draft (else the current template); --out: the HTML`;

const SUBCOMMANDS: readonly string[] = ['list', 'show', 'save', 'reset', 'preview'];
const FIELDS: readonly TemplateField[] = [...CHANNEL_FIELDS.email, ...CHANNEL_FIELDS.sms];

/** The value after `--name`, if given. */
function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--'))
    throw new Error(`${name} needs a value\n${TEMPLATES_USAGE}`);
  return value;
}

/** `--subject file` and the like, each read as the field's source (UTF-8, as it is). */
async function fieldFiles(
  args: readonly string[],
): Promise<Partial<Record<TemplateField, string>>> {
  const fields: Partial<Record<TemplateField, string>> = {};
  for (const field of FIELDS) {
    const file = option(args, `--${field}`);
    if (file) fields[field] = await readFile(file, 'utf8');
  }
  return fields;
}

/** Checked as the admin API checks a request body: the same refusals, on the command line. */
function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
    throw new Error(`${issues.join('\n')}\n${TEMPLATES_USAGE}`);
  }
  return parsed.data;
}

/** One field's source as it is, to edit and save again. */
function sourceOf(view: TemplateView, field: string): string {
  const fields: Record<string, string> = { ...view.template };
  const source = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (source === undefined) {
    throw new Error(`${view.channel} templates have ${CHANNEL_FIELDS[view.channel].join(', ')}`);
  }
  return source;
}

/** `shiplink templates …`: the admin API's notification templates, from a terminal. */
export async function templatesCommand(
  templates: NotificationTemplatesService,
  sub: string | undefined,
  args: string[],
  by: string,
): Promise<void> {
  if (!sub || !SUBCOMMANDS.includes(sub)) throw new Error(TEMPLATES_USAGE);
  const storeId = checked(z.uuid(), args[0], 'storeId');
  if (sub === 'list') {
    for (const each of await templates.list(storeId)) {
      console.log(
        [
          each.trigger,
          each.channel,
          each.language,
          each.customized ? `version ${each.version}` : 'default',
          each.savedAt?.toISOString() ?? '',
          each.savedBy ?? '',
        ].join('\t'),
      );
    }
    return;
  }
  const key = templateKey({ trigger: args[1], channel: args[2], language: args[3] });
  if (sub === 'show') {
    const view = await templates.show(storeId, key);
    const field = option(args, '--field');
    if (field) process.stdout.write(sourceOf(view, field));
    else console.log(JSON.stringify(view, null, 2));
  } else if (sub === 'save') {
    const { by: _by, ...fields } = checked(
      SaveTemplateSchemas[key.channel],
      { ...(await fieldFiles(args)), by },
      'save',
    );
    const saved = await templates.save(storeId, key, fields, by);
    console.log(`version ${saved.version} saved by ${by} at ${saved.savedAt.toISOString()}`);
  } else if (sub === 'reset') {
    await templates.reset(storeId, key, by);
    console.log(`${key.trigger} ${key.channel} ${key.language} is the default again`);
  } else {
    await preview(templates, storeId, key, args);
  }
}

async function preview(
  templates: NotificationTemplatesService,
  storeId: string,
  key: TemplateKey,
  args: string[],
): Promise<void> {
  const draft = await fieldFiles(args);
  const input = checked(
    PreviewTemplateSchema,
    { ...key, ...(Object.keys(draft).length > 0 ? { template: draft } : {}) },
    'preview',
  );
  const rendered = await templates.preview(storeId, input);
  if (!('html' in rendered)) {
    console.log(`${rendered.body}\n(${rendered.characters} characters)`);
    return;
  }
  const out = option(args, '--out');
  if (out) await writeFile(out, rendered.html);
  console.log(`Subject: ${rendered.subject}\n\n${rendered.text}`);
  if (out) console.log(`\n${out}: the HTML e-mail`);
}
