// The EPUB package: META-INF/container.xml → the package document (OPF) → metadata,
// manifest, spine and guide; and the DRM check on META-INF/encryption.xml.
// EPUB 3.3 §4 (OCF) and §5 (package document); EPUB 2 OPF 2.0.1 for the guide.
import { posix } from 'node:path';
import { NarrateError } from '../errors.js';
import { nameOf, parseHtml, parseXmlDocument, type DomDocument, type DomElement } from '../util/dom.js';
import { entryPathError, type EpubZip } from './zip.js';

export interface ManifestItem {
  id: string;
  /** Path inside the ZIP container. */
  path: string;
  mediaType: string;
  properties: Set<string>;
}

export interface SpineItem {
  item: ManifestItem;
  /** linear="no": auxiliary content (answers, pop-ups) outside the reading order. */
  linear: boolean;
}

export interface GuideReference {
  type: string;
  path: string;
  fragment?: string;
}

export interface PackageMeta {
  title?: string;
  creators: string[];
  language?: string;
  description?: string;
}

export interface EpubPackage {
  opfPath: string;
  /** "3.0", "2.0" … as the package says. */
  version: string;
  meta: PackageMeta;
  manifest: Map<string, ManifestItem>;
  byPath: Map<string, ManifestItem>;
  spine: SpineItem[];
  /** EPUB 3 navigation document. */
  nav?: ManifestItem;
  /** EPUB 2 NCX (also kept by many EPUB 3 books). */
  ncx?: ManifestItem;
  cover?: ManifestItem;
  guide: GuideReference[];
}

/** Font obfuscation (IDPF and Adobe): not DRM, fonts only, and we never read fonts. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

export async function readXmlEntry(zip: EpubZip, path: string): Promise<DomDocument> {
  return parseXmlDocument(decodeText(await zip.read(path)));
}

/** Content documents are UTF-8 or UTF-16 (EPUB 3.3 §6.1.4, XML 1.0); a BOM tells which. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Older books sometimes declare a legacy encoding (ISO-8859-1, windows-1252) in the XML declaration.
  const declared = /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an encoding name TextDecoder does not know: read it as UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Elements named `local` (any prefix), in document order. */
export function elementsNamed(root: DomDocument | DomElement, local: string): DomElement[] {
  // querySelectorAll, not getElementsByTagName('*'): linkedom's XML documents answer the latter with nothing.
  return Array.from(root.querySelectorAll('*')).filter((el) => nameOf(el) === local);
}

function firstNamed(root: DomDocument | DomElement, local: string): DomElement | undefined {
  return elementsNamed(root, local)[0];
}

/** Resolves an href found in `fromPath` to a container path, refusing one that leaves the container. */
export function resolveHref(file: string, fromPath: string, href: string): { path: string; fragment?: string } {
  const hash = href.indexOf('#');
  const raw = hash === -1 ? href : href.slice(0, hash);
  const fragment = hash === -1 ? undefined : decodeURIComponentSafe(href.slice(hash + 1)) || undefined;
  if (raw === '') return { path: fromPath, fragment };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return { path: raw, fragment }; // an external link: never in the container
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), decodeURIComponentSafe(raw)));
  if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) throw entryPathError(file, href);
  return { path: joined, fragment };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function readPackage(zip: EpubZip): Promise<EpubPackage> {
  const file = zip.file;
  if (!zip.has('META-INF/container.xml')) {
    throw new NarrateError(`${file}: not an EPUB: the ZIP has no META-INF/container.xml. Give an .epub file as the publisher made it`);
  }
  const container = await readXmlEntry(zip, 'META-INF/container.xml');
  const rootfile = elementsNamed(container, 'rootfile').find((r) => (r.getAttribute('media-type') ?? 'application/oebps-package+xml') === 'application/oebps-package+xml');
  const opfHref = rootfile?.getAttribute('full-path');
  if (!opfHref) throw new NarrateError(`${file}: META-INF/container.xml names no package document (<rootfile full-path="…">). The EPUB is damaged`);
  const opfPath = resolveHref(file, '', opfHref).path;
  if (!zip.has(opfPath)) throw new NarrateError(`${file}: the package document "${opfPath}" named by META-INF/container.xml is missing. The EPUB is damaged`);
  const opf = await readXmlEntry(zip, opfPath);
  const pkg = firstNamed(opf, 'package');
  if (!pkg) throw new NarrateError(`${file}: ${opfPath} is not an EPUB package document (no <package>). The EPUB is damaged`);

  const manifest = new Map<string, ManifestItem>();
  const byPath = new Map<string, ManifestItem>();
  for (const el of elementsNamed(opf, 'item')) {
    const id = el.getAttribute('id');
    const href = el.getAttribute('href');
    if (!id || !href) continue;
    const { path } = resolveHref(file, opfPath, href);
    const item = { id, path, mediaType: (el.getAttribute('media-type') ?? '').toLowerCase(), properties: new Set((el.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean)) };
    manifest.set(id, item);
    byPath.set(path, item);
  }
  const spineEl = firstNamed(opf, 'spine');
  const spine: SpineItem[] = [];
  for (const ref of spineEl ? elementsNamed(spineEl, 'itemref') : []) {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    if (item) spine.push({ item, linear: ref.getAttribute('linear') !== 'no' });
  }
  if (spine.length === 0) throw new NarrateError(`${file}: ${opfPath} has an empty <spine>: the book has no reading order. The EPUB is damaged`);

  const items = [...manifest.values()];
  const ncx = manifest.get(spineEl?.getAttribute('toc') ?? '') ?? items.find((i) => i.mediaType === 'application/x-dtbncx+xml');
  const coverId = elementsNamed(opf, 'meta').find((m) => m.getAttribute('name') === 'cover')?.getAttribute('content');
  const cover =
    items.find((i) => i.properties.has('cover-image')) ??
    (coverId ? manifest.get(coverId) : undefined) ??
    items.find((i) => i.mediaType.startsWith('image/') && /(^|[^a-z])cover([^a-z]|$)/i.test(i.id));
  const guide = elementsNamed(opf, 'reference').flatMap((r): GuideReference[] => {
    const href = r.getAttribute('href');
    return href ? [{ type: (r.getAttribute('type') ?? '').toLowerCase(), ...resolveHref(file, opfPath, href) }] : [];
  });

  const pkgPackage: EpubPackage = {
    opfPath,
    version: pkg.getAttribute('version') ?? '2.0',
    meta: readMeta(opf),
    manifest,
    byPath,
    spine,
    nav: items.find((i) => i.properties.has('nav')),
    ncx,
    cover: cover && cover.mediaType.startsWith('image/') ? cover : undefined,
    guide,
  };
  await refuseDrm(zip, pkgPackage);
  return pkgPackage;
}

function readMeta(opf: DomDocument): PackageMeta {
  const metadata = firstNamed(opf, 'metadata') ?? opf.documentElement!;
  const text = (el: DomElement | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const refines = new Map<string, Map<string, string>>();
  for (const m of elementsNamed(metadata, 'meta')) {
    const target = m.getAttribute('refines')?.replace(/^#/, '');
    const property = m.getAttribute('property');
    if (target && property) {
      if (!refines.has(target)) refines.set(target, new Map());
      refines.get(target)!.set(property, text(m) ?? '');
    }
  }
  const refined = (el: DomElement, property: string) => refines.get(el.getAttribute('id') ?? '')?.get(property);
  const titles = elementsNamed(metadata, 'title');
  const title = titles.find((t) => refined(t, 'title-type') === 'main') ?? titles[0];
  const creators = elementsNamed(metadata, 'creator');
  // Authors only, where roles are given: not the illustrator or translator.
  const role = (c: DomElement) => refined(c, 'role') ?? c.getAttribute('opf:role') ?? c.getAttribute('role');
  const authors = creators.filter((c) => !role(c) || role(c) === 'aut');
  const description = text(firstNamed(metadata, 'description'));
  return {
    title: text(title),
    creators: (authors.length ? authors : creators).map(text).filter((c): c is string => c !== undefined),
    language: text(firstNamed(metadata, 'language')),
    // Descriptions are often escaped HTML: read its text.
    description: description && /<[a-z]/i.test(description) ? parseHtml(`<body>${description}</body>`).querySelector('body')?.textContent?.replace(/\s+/g, ' ').trim() : description,
  };
}

/**
 * DRM: META-INF/encryption.xml listing a content document (the spine, navigation or NCX).
 * Obfuscated fonts are listed there too; that is not DRM and we never read fonts.
 */
async function refuseDrm(zip: EpubZip, pkg: EpubPackage): Promise<void> {
  if (!zip.has('META-INF/encryption.xml')) return;
  const doc = await readXmlEntry(zip, 'META-INF/encryption.xml');
  const content = new Set([...pkg.spine.map((s) => s.item.path), pkg.nav?.path, pkg.ncx?.path, pkg.opfPath].filter((p): p is string => p !== undefined));
  for (const data of elementsNamed(doc, 'encrypteddata')) {
    const algorithm = firstNamed(data, 'encryptionmethod')?.getAttribute('Algorithm') ?? firstNamed(data, 'encryptionmethod')?.getAttribute('algorithm') ?? '';
    const uri = firstNamed(data, 'cipherreference')?.getAttribute('URI') ?? firstNamed(data, 'cipherreference')?.getAttribute('uri');
    if (!uri) continue;
    const path = posix.normalize(decodeURIComponentSafe(uri).replace(/^\//, ''));
    const item = pkg.byPath.get(path);
    const isContent = content.has(path) || item?.mediaType === 'application/xhtml+xml' || /\.x?html?$/i.test(path);
    if (isContent && !FONT_OBFUSCATION.has(algorithm)) {
      throw new NarrateError(`${zip.file}: refused: the book is DRM-protected (META-INF/encryption.xml encrypts "${path}"). narrate reads only DRM-free EPUBs; remove the protection with the seller's tools if you may, or ask for a DRM-free copy`);
    }
  }
}
