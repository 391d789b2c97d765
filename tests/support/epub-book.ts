// Builds EPUB 2 and EPUB 3 books inside the tests, from text written for them.
import { zip, type ZipEntry } from './zip-writer.js';

export interface Page {
  id: string;
  /** Path under OEBPS/. */
  file: string;
  body: string;
  head?: string;
  linear?: boolean;
  /** Attributes for <body>, e.g. 'epub:type="frontmatter"'. */
  bodyAttributes?: string;
}

export interface TocItem {
  title: string;
  href?: string;
  children?: TocItem[];
}

export interface ExtraFile {
  id: string;
  file: string;
  /** Absent: listed in the manifest but not put in the ZIP. */
  data?: string | Buffer;
  mediaType: string;
  properties?: string;
}

export interface EpubSpec {
  version: 2 | 3;
  title?: string;
  creators?: string[];
  language?: string;
  description?: string;
  pages: Page[];
  /** The table of contents: the nav document (EPUB 3) or the NCX (EPUB 2). */
  toc?: TocItem[];
  /** EPUB 3 landmarks: [epub:type, href]. */
  landmarks?: Array<[string, string]>;
  /** EPUB 2 guide: [type, title, href]. */
  guide?: Array<[string, string, string]>;
  extra?: ExtraFile[];
  /** Id of the manifest item that is the cover image. */
  coverId?: string;
  /** Extra ZIP entries as they are (hostile names, encryption.xml …). */
  entries?: ZipEntry[];
  withoutContainer?: boolean;
}

const NS = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xmlns:ssml="http://www.w3.org/2001/10/synthesis"';

/** A 1×1 PNG, for images a page shows but no test looks at. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function xhtml(title: string, body: string, head = '', bodyAttributes = '', version: 2 | 3 = 3): string {
  if (version === 2) {
    return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
<head><title>${title}</title>${head}</head>
<body${bodyAttributes ? ` ${bodyAttributes}` : ''}>
${body}
</body>
</html>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html ${NS} xml:lang="en" lang="en">
<head><meta charset="UTF-8"/><title>${title}</title>${head}</head>
<body${bodyAttributes ? ` ${bodyAttributes}` : ''}>
${body}
</body>
</html>
`;
}

function navOl(items: TocItem[]): string {
  return `<ol>${items
    .map((i) => `<li>${i.href ? `<a href="${i.href}">${i.title}</a>` : `<span>${i.title}</span>`}${i.children?.length ? navOl(i.children) : ''}</li>`)
    .join('\n')}</ol>`;
}

function ncxPoints(items: TocItem[], counter: { n: number }): string {
  return items
    .map((i) => {
      const n = ++counter.n;
      return `<navPoint id="np${n}" playOrder="${n}"><navLabel><text>${i.title}</text></navLabel><content src="${i.href}"/>${ncxPoints(i.children ?? [], counter)}</navPoint>`;
    })
    .join('\n');
}

function depth(items: TocItem[]): number {
  return items.length === 0 ? 0 : 1 + Math.max(...items.map((i) => depth(i.children ?? [])));
}

export function buildEpub(spec: EpubSpec): Buffer {
  const id = 'urn:uuid:0f6a5a52-2d1b-4c39-9f55-4b1f2c3d4e5f';
  const lang = spec.language ?? 'en';
  const files: ZipEntry[] = [];
  const manifest: string[] = [];
  for (const p of spec.pages) {
    files.push({ name: `OEBPS/${p.file}`, data: xhtml(p.id, p.body, p.head, p.bodyAttributes, spec.version) });
    manifest.push(`<item id="${p.id}" href="${p.file}" media-type="application/xhtml+xml"/>`);
  }
  for (const x of spec.extra ?? []) {
    if (x.data !== undefined) files.push({ name: `OEBPS/${x.file}`, data: x.data });
    manifest.push(`<item id="${x.id}" href="${x.file}" media-type="${x.mediaType}"${x.properties ? ` properties="${x.properties}"` : ''}/>`);
  }
  const toc = spec.toc ?? [];
  if (spec.version === 3) {
    const landmarks = spec.landmarks?.length
      ? `<nav epub:type="landmarks" hidden=""><ol>${spec.landmarks.map(([t, h]) => `<li><a epub:type="${t}" href="${h}">${t}</a></li>`).join('')}</ol></nav>`
      : '';
    files.push({ name: 'OEBPS/nav.xhtml', data: xhtml('Contents', `<nav epub:type="toc" id="toc"><h1>Contents</h1>${navOl(toc)}</nav>${landmarks}`) });
    manifest.push('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
  } else {
    const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="${id}"/><meta name="dtb:depth" content="${Math.max(1, depth(toc))}"/><meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>
<docTitle><text>${spec.title ?? 'Untitled'}</text></docTitle><navMap>${ncxPoints(toc, { n: 0 })}</navMap></ncx>`;
    files.push({ name: 'OEBPS/toc.ncx', data: ncx });
    manifest.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
  }
  const meta = [
    `<dc:identifier id="bookid">${id}</dc:identifier>`,
    spec.title ? `<dc:title>${spec.title}</dc:title>` : '',
    ...(spec.creators ?? []).map((c) => `<dc:creator>${c}</dc:creator>`),
    `<dc:language>${lang}</dc:language>`,
    spec.description ? `<dc:description>${spec.description}</dc:description>` : '',
    spec.version === 3 ? '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>' : '',
    spec.coverId && spec.version === 2 ? `<meta name="cover" content="${spec.coverId}"/>` : '',
  ].join('\n');
  const spine = spec.pages.map((p) => `<itemref idref="${p.id}"${p.linear === false ? ' linear="no"' : ''}/>`).join('\n');
  const guide = spec.guide?.length ? `<guide>${spec.guide.map(([t, title, h]) => `<reference type="${t}" title="${title}" href="${h}"/>`).join('')}</guide>` : '';
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.version === 3 ? '3.0' : '2.0'}" unique-identifier="bookid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
${meta}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine${spec.version === 2 ? ' toc="ncx"' : ''}>
${spine}
</spine>
${guide}
</package>
`;
  const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;
  return zip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    ...(spec.withoutContainer ? [] : [{ name: 'META-INF/container.xml', data: container }]),
    { name: 'OEBPS/content.opf', data: opf },
    ...files,
    ...(spec.entries ?? []),
  ]);
}

/** n sentences of plain words, each different, so lost or doubled text shows. */
export function sentences(tag: string, n: number): string {
  const words = ['harbor', 'lantern', 'morning', 'copper', 'gentle', 'river', 'window', 'quiet', 'orchard', 'pebble', 'meadow', 'candle'];
  return Array.from({ length: n }, (_, i) => `The ${words[i % words.length]} ${tag} waited ${words[(i * 7 + 3) % words.length]} by the ${words[(i * 5 + 1) % words.length]}.`).join(' ');
}
