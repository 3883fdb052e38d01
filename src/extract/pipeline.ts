/**
 * The extraction pipeline: named stages run in order over one Doc, each adding
 * annotations (spaCy-style). Stages can be listed, switched off and timed.
 */
import type { Doc } from './document.ts';
import type { Lexicon } from './lexicon.ts';
import { tokenize } from './stages/tokenize.ts';
import { matchGazetteer, topicsInsideNames } from './stages/gazetteer.ts';
import { findNames } from './stages/names.ts';
import { typeNamesFromContext } from './stages/nameContext.ts';
import { findTeams } from './stages/teams.ts';
import { findPolicyPhrases } from './stages/policies.ts';
import { findGovernments } from './stages/governments.ts';
import { nameCandidates, resolveEntities } from './stages/resolve.ts';
import { nameEvents } from './stages/events.ts';
import { extractRoles } from './relations/roles.ts';
import { extractAffiliations } from './relations/affiliation.ts';
import { extractGatherings } from './relations/gatherings.ts';
import { extractActions } from './relations/actions.ts';
import { extractTopics } from './relations/topics.ts';

export interface Stage {
  name: string;
  run: (doc: Doc, lexicon: Lexicon) => void;
}

/** The stages in the order they run. */
export const STAGES: readonly Stage[] = [
  { name: 'tokenize', run: (doc, lexicon) => tokenize(doc, (key) => lexicon.phrases.get(key)?.some((e) => e.keys.length === 1 && e.target.kind === 'entity') ?? false) },
  { name: 'gazetteer', run: matchGazetteer },
  { name: 'names', run: findNames },
  { name: 'name-context', run: (doc) => typeNamesFromContext(doc) },
  { name: 'teams', run: findTeams },
  { name: 'policies', run: findPolicyPhrases },
  { name: 'name-topics', run: topicsInsideNames },
  { name: 'governments', run: findGovernments },
  { name: 'canonical-names', run: (doc) => nameCandidates(doc) },
  { name: 'events', run: nameEvents },
  { name: 'resolve', run: resolveEntities },
  { name: 'roles', run: extractRoles },
  { name: 'affiliations', run: extractAffiliations },
  { name: 'gatherings', run: extractGatherings },
  { name: 'actions', run: extractActions },
  { name: 'topics', run: extractTopics },
];

export interface RunOptions {
  /** Stage names to skip. */
  disable?: readonly string[];
  /** Receives each stage's time in milliseconds. */
  onTiming?: (stage: string, ms: number) => void;
}

/** Runs every enabled stage over the document. */
export function runPipeline(doc: Doc, lexicon: Lexicon, options: RunOptions = {}): Doc {
  for (const stage of STAGES) {
    if (options.disable?.includes(stage.name)) continue;
    const t0 = options.onTiming ? performance.now() : 0;
    stage.run(doc, lexicon);
    if (options.onTiming) options.onTiming(stage.name, performance.now() - t0);
  }
  return doc;
}
