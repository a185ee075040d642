/**
 * The simulator's complexity model, ShipHero's "credits for the data you ask for", computed from
 * the document before anything runs (so it is deterministic, and what is charged):
 * - a field returning an object costs 1 plus its selection; scalars cost nothing;
 * - relay plumbing (…Connection, …Edge, PageInfo, the `request_id`/`complexity` envelopes) is
 *   free, but a connection multiplies its selection by its page size, `first ?? last ?? 100`;
 * - a root query field costs 1 plus its selection, a mutation 10 plus its returned object;
 * - introspection costs nothing.
 * So `orders { data(first: 25) { edges { node { id line_items(first: 50) { edges { node { sku } } } } } } }`
 * costs 1 + 25 × (1 + 50 × 1) = 1,276.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValidatedExecutionArgs,
} from 'graphql';

export const QUERY_BASE_COST = 1;
export const MUTATION_BASE_COST = 10;
/** What a root query with `analyze: true` is charged: it only computes the cost. */
export const ANALYZE_COST = 1;
/** The page a connection returns, and is charged for, without `first` or `last`. */
export const DEFAULT_PAGE_SIZE = 100;

export interface RootFieldCost {
  responseKey: string;
  fieldName: string;
  /** What the field's `complexity` answers. */
  cost: number;
  analyze: boolean;
  /** What the bucket is charged: the cost, or ANALYZE_COST when analysing. */
  charge: number;
}

const FREE_TYPE = /(?:Connection|Edge|QueryResult|Output)$/;

type Walk = Pick<ValidatedExecutionArgs, 'schema' | 'fragmentDefinitions' | 'variableValues'>;

/** The root fields of the operation to run, each with its cost. */
export function rootFieldCosts(args: ValidatedExecutionArgs): RootFieldCost[] {
  const isMutation = args.operation.operation === 'mutation';
  const rootType = isMutation ? args.schema.getMutationType() : args.schema.getQueryType();
  if (!rootType) return [];
  const costs = new Map<string, RootFieldCost>();
  for (const node of fieldNodes(args, args.operation.selectionSet)) {
    const fieldName = node.name.value;
    if (fieldName.startsWith('__')) continue;
    const responseKey = node.alias?.value ?? fieldName;
    const base = isMutation ? MUTATION_BASE_COST : QUERY_BASE_COST;
    const cost = base + selectionCost(args, rootType, node);
    const analyze = !isMutation && argumentsOf(args, rootType, node).analyze === true;
    const previous = costs.get(responseKey);
    costs.set(responseKey, {
      responseKey,
      fieldName,
      cost: (previous?.cost ?? 0) + cost - (previous ? base : 0),
      analyze,
      charge: 0,
    });
  }
  return [...costs.values()].map((root) => ({
    ...root,
    charge: root.analyze ? ANALYZE_COST : root.cost,
  }));
}

/** The fields a selection set selects, through fragments, minus what @skip/@include drop. */
function fieldNodes(walk: Walk, selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.flatMap((selection): FieldNode[] => {
    if (!included(walk, selection)) return [];
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNodes(walk, selection.selectionSet);
    const fragment = walk.fragmentDefinitions[selection.name.value];
    return fragment ? fieldNodes(walk, fragment.selectionSet) : [];
  });
}

function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variableValues)?.if === true)
    return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variableValues)?.if !== false;
}

function argumentsOf(walk: Walk, parent: GraphQLObjectType, node: FieldNode) {
  const definition = parent.getFields()[node.name.value];
  return definition ? getArgumentValues(definition, node, walk.variableValues) : {};
}

/** The cost of one field's value. */
function selectionCost(walk: Walk, parent: GraphQLObjectType, node: FieldNode): number {
  const definition = parent.getFields()[node.name.value];
  if (!definition || !node.selectionSet) return 0;
  const type = getNamedType(definition.type);
  if (!isObjectType(type)) return 0;
  const inner = fieldNodes(walk, node.selectionSet).reduce(
    (sum, child) => sum + selectionCost(walk, type, child),
    0,
  );
  if (type.name.endsWith('Connection')) return pageSize(argumentsOf(walk, parent, node)) * inner;
  const own = FREE_TYPE.test(type.name) || type.name === 'PageInfo' ? 0 : 1;
  return own + inner;
}

function pageSize(args: Record<string, unknown>): number {
  const size = typeof args.first === 'number' ? args.first : args.last;
  return typeof size === 'number' ? Math.max(0, size) : DEFAULT_PAGE_SIZE;
}
