// What Readability leaves around a story, found by markup and shape in one walk over
// the extracted article (each element's text measured once, bottom-up): photo captions,
// boxes the page names as furniture, rails of teaser cards, lists of other posts, and
// paragraphs and lists that are mostly links. The result maps each element to skip to its reason,
// which --dry-run lists; --keep-all skips none of it.
import { ELEMENT_NODE, TEXT_NODE, nameOf, type DomElement, type DomNode } from '../util/dom.js';

/** Class and id words pages give the parts around a story: a photo's caption or credit,
 * related links, a newsletter or share box, a tag list, an author's box. */
const FURNITURE_CLASS = /(?:^|[\s_-])(?:caption|credits?|related|newsletter|share|sharing|social|tags|subscribe|promo|author-bio|bio)(?:[\s_-]|$)/i;
const LINK_BLOCKS = new Set(['p', 'ul', 'ol', 'dl']);
const HEADING = /^h[1-6]$/;
const IMAGE = new Set(['img', 'picture', 'svg', 'video']);

/** What one walk learns about an element's text. */
interface Measure {
  /** Characters of text, runs of white space counted once. */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  links: number;
  headings: number;
  images: number;
  /** The longest paragraph inside, in characters. */
  longestParagraph: number;
}

export function findFurniture(root: DomElement): Map<DomElement, string> {
  const measures = new Map<DomElement, Measure>();
  measure(root, measures);
  const found = new Map<DomElement, string>();
  const articleGroups = siblingArticles(root);
  const grouped = articleGroups.flat();
  const outside = (measures.get(root)?.chars ?? 0) - grouped.reduce((n, el) => n + (measures.get(el)?.chars ?? 0), 0);
  // Several <article>s side by side are a list of posts; when the story stands outside
  // them, they are the site's other posts (a feed under the one the page is about).
  if (outside >= 300) for (const el of grouped) found.set(el, 'other posts');
  visit(root, measures, found);
  return found;
}

function visit(el: DomElement, measures: Map<DomElement, Measure>, found: Map<DomElement, string>): void {
  for (const child of Array.from(el.children)) {
    if (found.has(child)) continue;
    const reason = reasonFor(child, measures);
    if (reason) found.set(child, reason);
    else visit(child, measures, found);
  }
}

function reasonFor(el: DomElement, measures: Map<DomElement, Measure>): string | undefined {
  const name = nameOf(el);
  const m = measures.get(el)!;
  if (name === 'figcaption') return 'photo caption';
  const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  const named = FURNITURE_CLASS.exec(marks);
  if (named && m.chars < 1500) return `page furniture (${named[0].trim()})`;
  if (isCardRail(el, measures)) return 'teaser cards';
  // A paragraph or list that is mostly links (tags, "more on this", a list of stories) points
  // elsewhere; a story's sentences carry a link here and there.
  if (LINK_BLOCKS.has(name) && m.links >= 3 && m.linkChars >= m.chars * 0.7) return 'mostly links';
  return undefined;
}

/**
 * A rail of teaser cards: three or more children built alike (same element, same class),
 * each short, each a heading or a picture with a line or two, none holding a paragraph
 * of prose. A story's own lists are items without such repeated card markup.
 */
function isCardRail(el: DomElement, measures: Map<DomElement, Measure>): boolean {
  const children = Array.from(el.children);
  if (children.length < 3) return false;
  const signature = (c: DomElement) => `${nameOf(c)}.${(c.getAttribute('class') ?? '').trim()}`;
  const counts = new Map<string, number>();
  for (const c of children) counts.set(signature(c), (counts.get(signature(c)) ?? 0) + 1);
  const [sig, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (n < 3 || n < children.length * 0.8 || sig.endsWith('.') || /^(li|p|tr|td|dd|dt)\./.test(sig)) return false;
  const cards = children.filter((c) => signature(c) === sig).map((c) => measures.get(c)!);
  return cards.every((c) => c.chars <= 300 && c.longestParagraph < 150) && cards.filter((c) => c.headings + c.images > 0).length >= cards.length / 2;
}

/** Groups of two or more sibling <article> elements that hold no <article> themselves
 * (a wrapper <article> around a feed is not one of its posts). */
function siblingArticles(root: DomElement): DomElement[][] {
  const groups: DomElement[][] = [];
  const walk = (el: DomElement): boolean => {
    let holdsArticle = false;
    const posts: DomElement[] = [];
    for (const c of Array.from(el.children)) {
      const inner = walk(c);
      if (nameOf(c) === 'article') {
        holdsArticle = true;
        if (!inner) posts.push(c);
      }
      holdsArticle ||= inner;
    }
    if (posts.length >= 2) groups.push(posts);
    return holdsArticle;
  };
  walk(root);
  return groups;
}

function measure(node: DomNode, measures: Map<DomElement, Measure>): Measure {
  const m: Measure = { chars: 0, linkChars: 0, links: 0, headings: 0, images: 0, longestParagraph: 0 };
  if (node.nodeType === TEXT_NODE) {
    const text = node.textContent ?? '';
    m.chars = text.trim() === '' ? (text.length ? 1 : 0) : text.replace(/\s+/g, ' ').length;
    return m;
  }
  if (node.nodeType !== ELEMENT_NODE) return m;
  const el = node as DomElement;
  const name = nameOf(el);
  for (const child of Array.from(el.childNodes)) {
    const c = measure(child, measures);
    m.chars += c.chars;
    m.linkChars += c.linkChars;
    m.links += c.links;
    m.headings += c.headings;
    m.images += c.images;
    m.longestParagraph = Math.max(m.longestParagraph, c.longestParagraph);
  }
  if (name === 'a') {
    m.links += 1;
    m.linkChars = m.chars;
  }
  if (HEADING.test(name)) m.headings += 1;
  if (IMAGE.has(name)) m.images += 1;
  if (name === 'p') m.longestParagraph = Math.max(m.longestParagraph, m.chars);
  measures.set(el, m);
  return m;
}
