import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  RoutingDryRunSchema,
  SaveRoutingRulesSchema,
  type RoutingRulesService,
} from '../services/routing-rules.service';

export const ROUTING_USAGE = `  shiplink routing show <storeId>            the routing rules orders are exported with (JSON)
  shiplink routing history <storeId>         their saved versions, newest first
  shiplink routing save <storeId> <rules.json> [--by name]
                                             a JSON array of rules as the next version (validated)
  shiplink routing try <storeId> <orderRef> [<rules.json>]
                                             a dry run on a real store order: the saved rules, or
                                             the file's draft; which rules match and why`;

/** Checked as the admin API checks a request body: the same refusals, on the command line. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    throw new Error(`${issues.join('\n')}\n${ROUTING_USAGE}`);
  }
  return parsed.data;
}

async function rulesFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `shiplink routing …`: the admin API's routing rules, from a terminal. */
export async function routingCommand(
  routing: RoutingRulesService,
  sub: string | undefined,
  args: string[],
  by: string,
): Promise<void> {
  const storeId = checked(z.uuid(), args[0]);
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
  if (sub === 'show') return print(await routing.current(storeId));
  if (sub === 'history') {
    for (const saved of await routing.history(storeId)) {
      console.log([saved.version, saved.savedAt.toISOString(), saved.savedBy ?? ''].join('\t'));
    }
    return;
  }
  if (sub === 'save' && args[1]) {
    const input = checked(SaveRoutingRulesSchema, { rules: await rulesFile(args[1]), by });
    const saved = await routing.save(storeId, input);
    return console.log(`routing rules version ${saved.version} saved by ${by}`);
  }
  if (sub === 'try' && args[1]) {
    const draft = args[2] ? { rules: await rulesFile(args[2]) } : {};
    return print(
      await routing.dryRun(storeId, checked(RoutingDryRunSchema, { orderRef: args[1], ...draft })),
    );
  }
  throw new Error(ROUTING_USAGE);
}
