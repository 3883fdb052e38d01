/** Resolver function types: each resolver sees its parent row, its arguments and the context. */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../context.ts';

export type Resolver<Parent, Args, Result> = (
  parent: Parent,
  args: Args,
  context: ApiContext,
  info: GraphQLResolveInfo,
) => Result | Promise<Result>;

/** Arguments of every field that takes only `limit`. */
export interface LimitArgs {
  limit?: number | null;
}
