/** `govgraph extract FILE [--json]`: one article's extraction, without touching the database. */
import { readArticleFile } from '../../ingest/sources/readArticle.ts';
import { extractArticle, extractionToJson } from '../extract/index.ts';

export interface ExtractCommandOptions {
  json?: boolean;
}

/** Prints the extraction of FILE as the ontology's JSON, or as a readable summary. */
export function runExtract(file: string, opts: ExtractCommandOptions, out: (text: string) => void = console.log): number {
  const article = readArticleFile(file);
  const extraction = extractArticle(article);
  if (opts.json) {
    out(JSON.stringify(extractionToJson(extraction), null, 2));
    return 0;
  }
  out(`${article.title}${article.published ? ` (${article.published})` : ''}`);
  out(`\nEntities (${extraction.entities.length})`);
  for (const e of extraction.entities) {
    const aliases = e.aliases.length > 0 ? `  aka ${e.aliases.join(', ')}` : '';
    out(`  ${e.type.padEnd(15)} ${e.name}${aliases}`);
  }
  out(`\nRelations (${extraction.relations.length})`);
  for (const r of extraction.relations) {
    const role = r.role ? ` [${r.role}]` : '';
    out(`  ${r.subject} -${r.predicate}-> ${r.object}${role}  (${r.confidence.toFixed(2)})`);
    out(`      "${article.body.slice(r.evidence.start, r.evidence.end).replace(/\s+/g, ' ').slice(0, 160)}"`);
  }
  return 0;
}
