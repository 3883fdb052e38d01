/**
 * CONCERNS: a policy or event is about the controlled-list topics named in its own name or
 * in the sentence that mentions it; sentences about "the theme", "topics" or "sub-forums"
 * of an unnamed event refer to the article's main event.
 */
import type { Doc, DocEntity } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { addRelation, outermost, salientEvent, sentenceMentions } from './context.ts';

/** Nouns by which a sentence refers back to a policy named earlier ("the initiative calls for ..."). */
const POLICY_WORDS = new Set(['initiative', 'law', 'act', 'plan', 'strategy', 'regulation', 'regulations', 'bill', 'rules', 'framework', 'compact', 'convention', 'directive', 'guidelines', 'declaration', 'treaty', 'pact', 'agreement', 'policy', 'measure', 'legislation']);
const EVENT_WORDS = new Set(['event', 'conference', 'summit', 'forum', 'meeting', 'gathering', 'edition', 'congress', 'expo']);
const REFERRING = new Set(['the', 'this', 'that', 'its', 'their', 'new']);

function lastPolicyBefore(doc: Doc, token: number): DocEntity | null {
  let best: DocEntity | null = null;
  for (const c of doc.candidates) {
    if (c.first >= token || !c.entityKey) continue;
    const e = doc.entities.get(c.entityKey);
    if (e?.type === 'Policy') best = e;
  }
  return best;
}

/** The policy or event a sentence refers to without naming it, if any. */
function referredSubject(doc: Doc, first: number, last: number): DocEntity | null {
  for (let i = first + 1; i < last; i++) {
    const word = doc.tokens[i]?.lower ?? '';
    if (!REFERRING.has(doc.tokens[i - 1]?.lower ?? '')) continue;
    if (POLICY_WORDS.has(word)) return lastPolicyBefore(doc, first);
    if (EVENT_WORDS.has(word)) return salientEvent(doc);
  }
  return null;
}

const THEME_WORDS = new Set(['theme', 'themes', 'topic', 'topics', 'sub-forum', 'sub-forums', 'agenda', 'focus', 'session', 'sessions', 'panel', 'panels', 'discuss', 'discussed', 'discussions', 'dedicated']);

/** Adds CONCERNS relations from policies and events to topics. */
export function extractTopics(doc: Doc, _lexicon: Lexicon): void {
  for (const s of doc.sentences) {
    const all = sentenceMentions(doc, s);
    const topics = all.filter((m) => m.entity.type === 'Topic');
    if (topics.length === 0) continue;
    const ev = { start: s.start, end: s.end };
    const subjects: DocEntity[] = outermost(all)
      .filter((m) => m.entity.type === 'Policy' || m.entity.type === 'Event')
      .map((m) => m.entity);
    // Topics inside a policy's own name: "action plan dedicated to virtual reality".
    for (const p of all.filter((m) => m.entity.type === 'Policy')) {
      for (const t of topics) if (t.first >= p.first && t.last <= p.last) addRelation(doc, p.entity, 'CONCERNS', t.entity, 0.9, ev);
    }
    if (subjects.length === 0) {
      const referred = referredSubject(doc, s.first, s.last);
      if (referred) subjects.push(referred);
    }
    if (subjects.length === 0) {
      let themed = false;
      for (let i = s.first; i < s.last; i++) if (THEME_WORDS.has(doc.tokens[i]?.lower ?? '')) themed = true;
      const main = themed ? salientEvent(doc) : null;
      if (main) subjects.push(main);
    }
    for (const subject of subjects) for (const t of topics) addRelation(doc, subject, 'CONCERNS', t.entity, 0.6, ev);
  }
}
