// The one place that touches linkedom, so the DOM library can be swapped. HTML (web
// pages) and XHTML/XML (EPUB content, package and navigation documents) are parsed
// here; everything else sees only the standard DOM types below.
import { DOMParser } from 'linkedom';
import { decodeHTML } from 'entities';

/** The standard DOM shapes narrate uses (a subset, so any DOM library fits). */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  /** Lower-case name without prefix for HTML; as written (prefix stripped) for XML. */
  readonly localName: string;
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  getElementById(id: string): DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/** An HTML page, parsed leniently as browsers do. */
export function parseHtml(text: string): DomDocument {
  return new DOMParser().parseFromString(text, 'text/html') as unknown as DomDocument;
}

/**
 * An XML document (XHTML, OPF, NCX, PLS). Names keep their prefixes ("epub:type"),
 * so attributes are read by their written name; see attributeIn for other prefixes.
 */
export function parseXmlDocument(text: string): DomDocument {
  return new DOMParser().parseFromString(withNumericEntities(text), 'text/xml') as unknown as DomDocument;
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * XHTML files (EPUB 2 above all) use the named entities of the XHTML DTD (&nbsp;,
 * &mdash;, &eacute;), which an XML parser that does not read the DTD leaves as text.
 * They become numeric references, which every XML parser knows.
 */
function withNumericEntities(text: string): string {
  if (!/&[a-zA-Z]/.test(text)) return text;
  return text.replace(/&([a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTML(whole);
    return decoded === whole ? whole : [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  });
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** The name after any prefix, lower-cased: "html:p" → "p", "P" → "p". */
export function nameOf(el: DomElement): string {
  const name = el.localName ?? el.tagName;
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

/**
 * An attribute in a namespace, whatever prefix the document bound to it: books write
 * epub:type and ssml:ph almost always, but the prefix is the author's choice.
 */
export function attributeIn(el: DomElement, namespace: string, local: string, prefixes: ReadonlyMap<string, string>): string | undefined {
  const prefix = prefixes.get(namespace);
  if (prefix !== undefined) {
    const value = el.getAttribute(`${prefix}:${local}`);
    if (value !== null) return value;
  }
  return undefined;
}

/** Prefixes bound by xmlns:* on an element and its ancestors, by namespace URI (nearest wins). */
export function namespacePrefixes(el: DomElement | null, defaults: Record<string, string> = {}): Map<string, string> {
  const found = new Map<string, string>(Object.entries(defaults));
  const chain: DomElement[] = [];
  for (let n: DomNode | null = el; n && isElement(n); n = n.parentNode) chain.unshift(n);
  for (const node of chain) {
    for (const attr of Array.from(node.attributes)) {
      if (attr.name.startsWith('xmlns:')) found.set(attr.value, attr.name.slice(6));
    }
  }
  return found;
}
