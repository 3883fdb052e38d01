/** Resolvers of drawn graphs: evidence of PartnerEdge and GraphEdge, PartnerNetwork aggregates. */
import { limitArg } from '../args.ts';
import type { CountryStatsRow, EvidenceRow, GraphEdgeRow, PartnerEdgeRow, PartnerNetworkRow } from '../rows.ts';
import { evidenceKey } from './entity.ts';
import type { LimitArgs, Resolver } from './types.ts';

const partnerEvidence: Resolver<PartnerEdgeRow, LimitArgs, EvidenceRow[]> = (edge, args, ctx) =>
  ctx.loaders.evidence.load(evidenceKey(edge.source, 'PARTNERS_WITH', edge.target, limitArg(args.limit)));

const edgeEvidence: Resolver<GraphEdgeRow, LimitArgs, EvidenceRow[]> = (edge, args, ctx) =>
  ctx.loaders.evidence.load(evidenceKey(edge.source, edge.predicate, edge.target, limitArg(args.limit)));

const countryStats: Resolver<PartnerNetworkRow, unknown, Promise<CountryStatsRow[]>> = async (network, _args, ctx) => {
  const countries = network.nodes.filter((n) => n.type === 'Country');
  const stats = await ctx.loaders.countryStats.loadMany(countries.map((c) => c.id));
  const failed = stats.find((s) => s instanceof Error);
  if (failed) throw failed;
  return stats.filter((s): s is CountryStatsRow => s !== null && !(s instanceof Error));
};

/** Resolvers of `type PartnerEdge`. */
export const partnerEdgeResolvers = { evidence: partnerEvidence };

/** Resolvers of `type GraphEdge`. */
export const graphEdgeResolvers = { evidence: edgeEvidence };

/** Resolvers of `type PartnerNetwork`. */
export const partnerNetworkResolvers = { countryStats };
