import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './context';

export type RootResolver = (
  args: Record<string, unknown>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => unknown;

/** The `request_id` and `complexity` every root field answers, for the field being resolved. */
export function envelope(ctx: RequestContext, info: GraphQLResolveInfo) {
  const root = ctx.roots.get(String(info.path.key));
  return {
    request_id: ctx.requestId,
    complexity: root?.cost ?? 0,
    analyze: root?.analyze ?? false,
  };
}

/**
 * A root query's answer. With `analyze: true` nothing runs: `data` is null and only the cost is
 * told. A connection root's `compute` returns a function of the page arguments.
 */
export function answer(ctx: RequestContext, info: GraphQLResolveInfo, compute: () => unknown) {
  const { analyze, ...head } = envelope(ctx, info);
  return { ...head, data: analyze ? null : compute() };
}
