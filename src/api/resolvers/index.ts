/** The resolver map handed to makeExecutableSchema; fields not listed use default resolvers. */
import type { Connection } from '../connection.ts';
import { articleResolvers } from './article.ts';
import { entityResolvers, relationResolvers } from './entity.ts';
import { graphResolvers } from './graph.ts';
import { listResolvers } from './lists.ts';
import { extractedEntityResolvers, ingestResultResolvers, mutationResolvers } from './mutation.ts';
import { graphEdgeResolvers, partnerEdgeResolvers, partnerNetworkResolvers } from './partners.ts';
import { queryResolvers } from './query.ts';

/** A connection's count runs only when a client selects `totalCount` (see connection.ts). */
const connectionResolvers = {
  totalCount: (connection: Connection<unknown>): Promise<number> | number => connection.totalCount(),
};

/** Every resolver of the API, by type name. */
export const resolvers = {
  EntityConnection: connectionResolvers,
  RelationConnection: connectionResolvers,
  ArticleConnection: connectionResolvers,
  EvidenceConnection: connectionResolvers,
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
