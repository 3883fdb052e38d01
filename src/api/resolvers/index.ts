/** The resolver map handed to makeExecutableSchema; fields not listed use default resolvers. */
import { articleResolvers } from './article.ts';
import { entityResolvers, relationResolvers } from './entity.ts';
import { graphResolvers } from './graph.ts';
import { listResolvers } from './lists.ts';
import { extractedEntityResolvers, ingestResultResolvers, mutationResolvers } from './mutation.ts';
import { graphEdgeResolvers, partnerEdgeResolvers, partnerNetworkResolvers } from './partners.ts';
import { queryResolvers } from './query.ts';

/** Every resolver of the API, by type name. */
export const resolvers = {
  Query: { ...queryResolvers, ...listResolvers, ...graphResolvers },
  Mutation: mutationResolvers,
  Entity: entityResolvers,
  Relation: relationResolvers,
  Article: articleResolvers,
  PartnerEdge: partnerEdgeResolvers,
  PartnerNetwork: partnerNetworkResolvers,
  GraphEdge: graphEdgeResolvers,
  IngestResult: ingestResultResolvers,
  ExtractedEntityResult: extractedEntityResolvers,
};
