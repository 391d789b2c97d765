// The book's table of contents and landmarks: the EPUB 3 navigation document
// (<nav epub:type="toc">, <nav epub:type="landmarks">, EPUB 3.3 §7), or the EPUB 2 NCX
// (<navMap>/<navPoint>) with the OPF <guide>.
import { semanticTypes } from '../document/html.js';
import { isElement, nameOf, namespacePrefixes, type DomElement } from '../util/dom.js';
import { elementsNamed, readXmlEntry, resolveHref, type EpubPackage } from './package.js';
import type { EpubZip } from './zip.js';

export interface TocEntry {
  /** As written in the table of contents, white space folded. */
  title: string;
  path?: string;
  fragment?: string;
  /** 1 for the top level. */
  depth: number;
  children: TocEntry[];
}

export interface Landmark {
  type: string;
  path: string;
  fragment?: string;
}

export interface BookToc {
  entries: TocEntry[];
  source: 'nav' | 'ncx' | 'none';
  landmarks: Landmark[];
}

const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function readToc(zip: EpubZip, pkg: EpubPackage): Promise<BookToc> {
  const landmarks: Landmark[] = pkg.guide.map((g) => ({ ...g, type: guideType(g.type) }));
  if (pkg.nav && zip.has(pkg.nav.path)) {
    const doc = await readXmlEntry(zip, pkg.nav.path);
    const root = doc.documentElement;
    const prefixes = namespacePrefixes(root);
    const navs = elementsNamed(doc, 'nav');
    const tocNav = navs.find((n) => semanticTypes(n, prefixes).has('toc'));
    const landmarkNav = navs.find((n) => semanticTypes(n, prefixes).has('landmarks'));
    if (landmarkNav) {
      for (const a of elementsNamed(landmarkNav, 'a')) {
        const href = a.getAttribute('href');
        if (!href) continue;
        for (const type of semanticTypes(a, prefixes)) landmarks.push({ type, ...resolveHref(zip.file, pkg.nav.path, href) });
      }
    }
    // The list is the nav's first <ol>, which some books wrap in a <div>.
    const list = tocNav ? elementsNamed(tocNav, 'ol')[0] : undefined;
    const entries = list ? navEntries(zip.file, pkg.nav.path, list, 1) : [];
    if (entries.length > 0) return { entries, source: 'nav', landmarks };
  }
  if (pkg.ncx && zip.has(pkg.ncx.path)) {
    const doc = await readXmlEntry(zip, pkg.ncx.path);
    const navMap = elementsNamed(doc, 'navmap')[0];
    const entries = navMap ? ncxEntries(zip.file, pkg.ncx.path, navMap, 1) : [];
    if (entries.length > 0) return { entries, source: 'ncx', landmarks };
  }
  return { entries: [], source: 'none', landmarks };
}

/** EPUB 2 guide types in EPUB 3 vocabulary, so one set of rules reads both. */
function guideType(type: string): string {
  const known: Record<string, string> = { 'title-page': 'titlepage', text: 'bodymatter', 'copyright-page': 'copyright-page', colophon: 'colophon' };
  return known[type] ?? type;
}

function navEntries(file: string, navPath: string, ol: DomElement, depth: number): TocEntry[] {
  const out: TocEntry[] = [];
  for (const li of Array.from(ol.children)) {
    if (nameOf(li) !== 'li') continue;
    const label = Array.from(li.children).find((c) => nameOf(c) === 'a' || nameOf(c) === 'span');
    const sub = Array.from(li.children).find((c) => nameOf(c) === 'ol');
    const href = label && nameOf(label) === 'a' ? label.getAttribute('href') : null;
    const target = href ? resolveHref(file, navPath, href) : {};
    out.push({ title: fold(label?.textContent), ...target, depth, children: sub ? navEntries(file, navPath, sub, depth + 1) : [] });
  }
  return out;
}

function ncxEntries(file: string, ncxPath: string, parent: DomElement, depth: number): TocEntry[] {
  const out: TocEntry[] = [];
  for (const point of Array.from(parent.childNodes)) {
    if (!isElement(point) || nameOf(point) !== 'navpoint') continue;
    const label = elementsNamed(point, 'navlabel')[0];
    const labelText = label ? elementsNamed(label, 'text')[0] : undefined;
    const src = Array.from(point.children).find((c) => nameOf(c) === 'content')?.getAttribute('src');
    const target = src ? resolveHref(file, ncxPath, src) : {};
    out.push({ title: fold(labelText?.textContent), ...target, depth, children: ncxEntries(file, ncxPath, point, depth + 1) });
  }
  return out;
}
