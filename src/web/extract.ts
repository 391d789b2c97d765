// The DOM half of the web-article reader: a page's HTML → the article's blocks and the
// page's metadata, as plain data. Mozilla's Readability (on a linkedom DOM,
// src/util/dom.ts) finds the article; the shared HTML module (src/document/html.ts) turns
// it into blocks, skipping what furniture.ts finds in the markup. It needs nothing but
// the page, so it can run in a worker thread (page-worker.ts) while the CLI starts; what
// it returns is cloned across threads, so it holds no DOM nodes.
import { Readability } from '@mozilla/readability';
import { htmlBlocks, type SkippedPart } from '../document/html.js';
import type { Block } from '../document/blocks.js';
import { findFurniture } from './furniture.js';
import { parseHtml, type DomDocument, type DomElement } from '../util/dom.js';
import { clean, sameText } from './text.js';

export interface ExtractOptions {
  /** Names the source in block locations and messages: the file path or the URL. */
  file: string;
  /** Keep every block Readability returned: no furniture found in the markup. */
  keepAll?: boolean;
  /** Read image alt text (figures are read by their caption only otherwise). */
  describeImages?: boolean;
}

/** What a page gave: its article as blocks, what was skipped, and its metadata as written. */
export interface ExtractedArticle {
  /** Readability found no article on the page. */
  found: boolean;
  blocks: Block[];
  skipped: SkippedPart[];
  /** The headline, site name removed. */
  title?: string;
  byline?: string;
  siteName?: string;
  /** Readability's date, else the first of the page's date <meta> tags. */
  published?: string;
  /** <html lang>, when it is a language tag. */
  language?: string;
}

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Bytes of a page → text: the charset the server named, else the page's own <meta charset>, else UTF-8. */
export function decodePage(bytes: Buffer, charset?: string): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = charset ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * What no reader of the story needs, cut from the page's text before it is parsed: scripts
 * (but the JSON-LD ones, where Readability finds the headline, byline and date), style
 * sheets, comments, inline SVG drawings and <noscript> fallbacks (Readability removes them
 * before it reads, taking from them only better image sources, and images are not read).
 * They are often most of a saved page's bytes and nodes, and the DOM parse and Readability's
 * passes cost time per node. One left-to-right scan, as the HTML tokenizer reads them: a
 * comment or a script ends at its first closing mark.
 */
const UNREAD = /<!--[\s\S]*?(?:-->|$)|<(script|style|svg|noscript)(?=[\s/>])([^>]*)>[\s\S]*?(?:<\/\1\s*>|$)/gi;

export function withoutUnreadParts(html: string): string {
  return html.replace(UNREAD, (part, name: string | undefined, attributes: string | undefined) =>
    name?.toLowerCase() === 'script' && /application\/ld\+json/i.test(attributes ?? '') ? part : '');
}

/** The DOM calls the retry shortcut below needs, beyond src/util/dom.ts's reading subset. */
interface MutableElement extends DomElement {
  innerHTML: string;
  cloneNode(deep: boolean): MutableElement;
  readonly childNodes: ArrayLike<MutableElement>;
  replaceChildren(...nodes: MutableElement[]): void;
}

/**
 * Readability keeps the page's body as HTML (it reads `body.innerHTML` once) and, when an
 * attempt finds too little text, sets that HTML back and tries again with looser rules:
 * each retry parsed the whole page again, the largest cost on the pages it retries on (a
 * story inside a box its cleaning removes takes three attempts), and the HTML was written
 * out on every page. Here the body keeps a deep copy of its nodes instead and hands out a
 * token that stands for them; given the token back, it restores a copy of those nodes,
 * which is the same tree without writing or parsing any HTML. Any other HTML is parsed as
 * usual. (The token is never parsed: Readability only gives back what it was given.)
 */
const KEPT_BODY = '<!-- narrate: the body as it was when Readability read it -->';

function restoreByCopying(body: MutableElement): void {
  let kept: MutableElement[] | undefined;
  let proto: object | null = body;
  let innerHTML: PropertyDescriptor | undefined;
  while (proto && !(innerHTML = Object.getOwnPropertyDescriptor(proto, 'innerHTML'))) proto = Object.getPrototypeOf(proto);
  if (!innerHTML?.set) return;
  const { set } = innerHTML;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get(): string {
      kept = Array.from(body.childNodes, (n) => n.cloneNode(true));
      return KEPT_BODY;
    },
    set(html: string) {
      if (kept && html === KEPT_BODY) body.replaceChildren(...kept.map((n) => n.cloneNode(true)));
      else set.call(body, html);
    },
  });
}

/**
 * Readability's visibility test (`_isProbablyVisible`, asked of every element on every
 * attempt), reading the inline style as linkedom's `element.style` reads it, without making
 * that: linkedom answers `style.display` through a Proxy over a Map made for each element
 * (and again for each copy an attempt restores), which was a tenth of Readability's time and
 * much of its garbage. Same answers: the last non-empty "display" or "visibility" rule of
 * the style attribute, split as linkedom splits it, then the `hidden` and `aria-hidden` tests
 * as Readability writes them. tests/web/extract.test.ts holds the two to the same answers.
 */
export function probablyVisible(node: DomElement & { className?: string }): boolean {
  const style = node.getAttribute('style');
  return (
    (style === null || (inlineStyle(style, 'display') !== 'none' && inlineStyle(style, 'visibility') !== 'hidden')) &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true' || (node.className ?? '').includes('fallback-image'))
  );
}

/** A property of an inline style attribute, as linkedom's CSSStyleDeclaration gives it ('' when unset). */
function inlineStyle(style: string, property: string): string {
  let value = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const [key, ...rest] = rule.split(':');
    if (rest.length === 0 || key!.trim() !== property) continue;
    const ruleValue = rest.join(':').trim();
    if (ruleValue) value = ruleValue;
  }
  return value;
}

export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  const doc = parseHtml(withoutUnreadParts(html));
  const language = languageOf(doc);
  const published = metaContent(doc, ['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'sailthru.date', 'dc.date']);
  const body = doc.getElementsByTagName('body')[0] as MutableElement | undefined;
  if (body) restoreByCopying(body);
  // Readability rewrites the document it is given; the metadata above is read first.
  const reader = new Readability(doc as unknown as Document, { keepClasses: true, serializer: (el: Node) => el as unknown as string });
  (reader as unknown as { _isProbablyVisible: typeof probablyVisible })._isProbablyVisible = probablyVisible;
  const article = reader.parse();
  const content = article?.content as unknown as DomElement | undefined;
  if (!article || !content) return { found: false, blocks: [], skipped: [] };
  const siteName = clean(article.siteName) || undefined;
  const title = withoutSiteName(clean(article.title), siteName ?? '') || undefined;
  const furniture = options.keepAll ? undefined : findFurniture(content);
  const { blocks, skipped } = htmlBlocks(content, {
    file: options.file,
    describeImages: options.describeImages,
    // The headline is the book title; the page repeats it inside the article at times.
    heading: (_level, text) => (title && sameText(text, title) ? 'skip' : 'chapter'),
    skip: furniture && ((el) => furniture.get(el)),
  });
  return {
    found: true,
    blocks,
    skipped,
    title,
    byline: clean(article.byline) || undefined,
    siteName,
    published: clean(article.publishedTime ?? published) || undefined,
    language,
  };
}

function languageOf(doc: DomDocument): string | undefined {
  const lang = (doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ?? '').trim().replace(/_/g, '-');
  return BCP47.test(lang) ? lang : undefined;
}

/** The first of the named <meta> tags (by property, name or itemprop) with content, in the
 * order the names are given; one pass over the page's <meta> elements. */
function metaContent(doc: DomDocument, names: string[]): string | undefined {
  const found = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const value = el.getAttribute('content')?.trim();
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key && !found.has(key)) found.set(key, value);
    }
  }
  return names.map((n) => found.get(n)).find((v) => v !== undefined);
}

/** "Headline - Site Name" → "Headline", when the page names its site. */
function withoutSiteName(title: string, site: string): string {
  if (!site) return title;
  const cut = title.replace(new RegExp(`\\s*[-–—|:·]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'), '');
  return cut || title;
}
