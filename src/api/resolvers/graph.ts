/** Root resolvers of graph shapes: shortest paths and ego networks. */
import type { Predicate } from '../../model.ts';
import { intInRange, limitArg, textArg } from '../args.ts';
import { badArgument } from '../errors.ts';
import { predicatesArg } from '../filters.ts';
import type { NeighbourhoodRow, PathRow } from '../rows.ts';
import { neighbourhood as egoNetwork } from '../queries/neighbourhood.ts';
import { MAX_PATH_HOPS, shortestPaths as findPaths } from '../queries/paths.ts';
import type { LimitArgs, Resolver } from './types.ts';

/** Largest number of paths returned. */
const MAX_PATHS = 25;
/** Farthest a neighbourhood reaches. */
const MAX_NEIGHBOURHOOD_HOPS = 3;
/** Largest neighbourhood, in entities besides the centre. */
const MAX_NEIGHBOURHOOD_NODES = 500;

interface PathsArgs extends LimitArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  predicates?: Predicate[] | null;
}
interface NeighbourhoodArgs extends LimitArgs {
  id: string;
  hops?: number | null;
  predicates?: Predicate[] | null;
}

const shortestPaths: Resolver<unknown, PathsArgs, PathRow[]> = async (_parent, args, ctx) => {
  const from = textArg(args.from, 'from');
  const to = textArg(args.to, 'to');
  if (from === to) throw badArgument('to', 'must differ from "from".');
  const maxHops = intInRange(args.maxHops ?? 4, 'maxHops', 1, MAX_PATH_HOPS);
  const paths = await findPaths(ctx.db, from, to, maxHops, predicatesArg(args.predicates, 'predicates'), limitArg(args.limit, MAX_PATHS));
  for (const node of paths.flatMap((p) => p.nodes)) ctx.loaders.entity.prime(node.id, node);
  return paths;
};

const neighbourhood: Resolver<unknown, NeighbourhoodArgs, NeighbourhoodRow | null> = async (_parent, args, ctx) => {
  const network = await egoNetwork(ctx.db, {
    id: textArg(args.id, 'id'),
    hops: intInRange(args.hops ?? 1, 'hops', 1, MAX_NEIGHBOURHOOD_HOPS),
    predicates: predicatesArg(args.predicates, 'predicates'),
    limit: limitArg(args.limit, MAX_NEIGHBOURHOOD_NODES),
  });
  for (const node of network?.nodes ?? []) ctx.loaders.entity.prime(node.entity.id, node.entity);
  return network;
};

/** Resolvers of the graph-shaped fields of `type Query`. */
export const graphResolvers = { shortestPaths, neighbourhood };
