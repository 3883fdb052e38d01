/** Resolvers of `type PartnerEdge`: evidence for a partnership, either order of its ends. */
import { limitArg } from '../args.ts';
import type { EvidenceRow, PartnerEdgeRow } from '../rows.ts';
import { evidenceKey } from './entity.ts';
import type { LimitArgs, Resolver } from './types.ts';

const evidence: Resolver<PartnerEdgeRow, LimitArgs, EvidenceRow[]> = (edge, args, ctx) =>
  ctx.loaders.evidence.load(evidenceKey(edge.source, 'PARTNERS_WITH', edge.target, limitArg(args.limit)));

/** Resolvers of `type PartnerEdge`. */
export const partnerEdgeResolvers = { evidence };
