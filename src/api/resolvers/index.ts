/** The resolver map handed to makeExecutableSchema; fields not listed use default resolvers. */
import { articleResolvers } from './article.ts';
import { entityResolvers, relationResolvers } from './entity.ts';
import { partnerEdgeResolvers } from './partners.ts';
import { queryResolvers } from './query.ts';

/** Every resolver of the API, by type name. */
export const resolvers = {
  Query: queryResolvers,
  Entity: entityResolvers,
  Relation: relationResolvers,
  Article: articleResolvers,
  PartnerEdge: partnerEdgeResolvers,
};
