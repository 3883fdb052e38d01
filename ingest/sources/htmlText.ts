/**
 * Plain text of a DOM subtree with paragraph breaks kept: block elements (p, h1-h6, li,
 * div, ...) become blank-line separated paragraphs, <br> a line break, and runs of
 * whitespace inside a paragraph one space. Pure over the DOM given; script and style are
 * skipped.
 */
import { parseHTML } from 'linkedom';

/** The minimal DOM node shape this module reads (linkedom's nodes satisfy it). */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

function collect(node: TextNodeLike, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.textContent ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.push('\n\n');
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child) collect(child, out);
  }
  if (block) out.push('\n\n');
}

/** The text of `node` as paragraphs separated by blank lines. */
export function blockText(node: TextNodeLike): string {
  const out: string[] = [];
  collect(node, out);
  return out
    .join('')
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((para) => para.length > 0)
    .join('\n\n');
}

/** The text of an HTML fragment (e.g. a feed item's content) as paragraphs. */
export function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return blockText({ nodeType: 3, nodeName: '#text', textContent: html, childNodes: [] });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as TextNodeLike);
}
