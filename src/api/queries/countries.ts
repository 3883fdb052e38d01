/**
 * Dashboard aggregates per country. A country's "bodies" are the country and the
 * government bodies PART_OF it: what they issue or restrict counts for the country.
 */
import type { CountryStatsRow } from '../rows.ts';
import { entityProjection, inIdOrder, readRows, type ReadDb } from './cypher.ts';
import { entityRow, num } from './values.ts';

/** For each id, the country's aggregates, or null when it is not a country. */
export async function countryStats(db: ReadDb, ids: readonly string[]): Promise<(CountryStatsRow | null)[]> {
  const rows = await readRows(
    db,
    `UNWIND $ids AS id
     MATCH (c:Country {id: id})
     CALL (c) {
       OPTIONAL MATCH (c)<-[:PART_OF]-(g:GovernmentBody)
       WITH collect(g) AS governments
       RETURN [c] + governments AS bodies
     }
     RETURN id, ${entityProjection('c')} AS country,
       COUNT { MATCH (c)-[:PARTNERS_WITH]-(p:Entity) RETURN DISTINCT p } AS partners,
       COUNT { MATCH (c)-[:PARTNERS_WITH]-(p:Country) RETURN DISTINCT p } AS partnerCountries,
       reduce(total = 0, s IN COLLECT { MATCH (c)-[r:PARTNERS_WITH]-() RETURN r.support } | total + coalesce(s, 0))
         AS partnershipSupport,
       COUNT { (c)<-[:HEADQUARTERED_IN]-(:Company) } AS companies,
       COUNT { UNWIND bodies AS b MATCH (b)-[:ISSUES]->(p:Policy) RETURN DISTINCT p } AS policiesIssued,
       COUNT { UNWIND bodies AS b MATCH (b)-[r:RESTRICTS]->() RETURN DISTINCT r } AS restrictionsGiven,
       COUNT { (c)<-[:RESTRICTS]-() } + COUNT { (c)<-[:HEADQUARTERED_IN]-(:Company)<-[:RESTRICTS]-() }
         AS restrictionsReceived`,
    { ids: [...ids] },
  );
  return inIdOrder(ids, rows, (r) => ({
    country: entityRow(r.country),
    partners: num(r.partners),
    partnerCountries: num(r.partnerCountries),
    partnershipSupport: num(r.partnershipSupport),
    companies: num(r.companies),
    policiesIssued: num(r.policiesIssued),
    restrictionsGiven: num(r.restrictionsGiven),
    restrictionsReceived: num(r.restrictionsReceived),
  }));
}
