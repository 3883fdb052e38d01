/**
 * Removes one article and everything only it said: its mentions and statements go, the
 * aggregate edges they supported are recomputed (or deleted), and entities no other
 * article mentions or states anything about are removed.
 */
import { writeTx, type Driver, type TxOptions } from './driver.ts';
import { detachArticles, recomputeEdges, removeOrphans } from './edges.ts';

export interface DeleteSummary {
  /** False when no article had this id. */
  deleted: boolean;
  /** Entities removed because nothing refers to them any more. */
  removedEntities: number;
}

/** Deletes the article `articleId` with its mentions and statements, in one transaction. */
export async function deleteArticle(
  driver: Driver,
  database: string,
  articleId: string,
  options: TxOptions = {},
): Promise<DeleteSummary> {
  return writeTx(
    driver,
    database,
    async (tx) => {
      const found = await tx.run('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id: articleId });
      if (((found.records[0]?.get('n') as number | undefined) ?? 0) === 0) {
        return { deleted: false, removedEntities: 0 };
      }
      const detached = await detachArticles(tx, [articleId], true);
      await recomputeEdges(tx, detached.triples);
      const removedEntities = await removeOrphans(tx, detached.entityIds);
      return { deleted: true, removedEntities };
    },
    options,
  );
}
