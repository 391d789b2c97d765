// The one place that touches yauzl: opens an EPUB's ZIP container, refuses the ones
// that are not safe to open, and reads entries by name. yauzl reads the central
// directory only and checks each entry's real size against the declared one while it
// inflates, so the size limits below hold for what is actually read.
import yauzl from 'yauzl';
import { NarrateError } from '../errors.js';

/** A book's text is a few MB; anything near these is not a book but a ZIP bomb. */
export const ZIP_LIMITS = {
  /** Total uncompressed size of all entries. */
  totalBytes: 2 * 1024 ** 3,
  /** Uncompressed size of one entry. */
  entryBytes: 512 * 1024 ** 2,
  /** Uncompressed/compressed ratio, for entries over ratioFloorBytes. Text deflates about 3–10×. */
  ratio: 200,
  ratioFloorBytes: 1024 ** 2,
  entries: 50_000,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface EpubZip {
  readonly file: string;
  readonly entries: ReadonlyMap<string, ZipEntryInfo>;
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
  close(): void;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

export async function openEpubZip(file: string): Promise<EpubZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NarrateError(`${file}: no such book file. Check the path`);
    if (code === 'EISDIR') throw new NarrateError(`${file}: is a folder. Name the .epub file itself`);
    if (code) throw new NarrateError(`${file}: cannot read the book (${code})`);
    throw new NarrateError(`${file}: not an EPUB: it is not a ZIP file (${(e as Error).message}). Give an .epub file as the publisher made it, or re-export it from your editor`);
  }
  try {
    const found = await listEntries(file, zip);
    return {
      file,
      entries: found.entries,
      has: (name) => found.entries.has(name),
      read: (name) => readEntry(file, zip, found.raw.get(name), name),
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

function listEntries(file: string, zip: yauzl.ZipFile): Promise<{ entries: Map<string, ZipEntryInfo>; raw: Map<string, yauzl.Entry> }> {
  const entries = new Map<string, ZipEntryInfo>();
  const raw = new Map<string, yauzl.Entry>();
  let total = 0;
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      zip.removeAllListeners('entry');
      reject(e);
    };
    zip.on('error', (e: Error) => fail(zipError(file, e)));
    zip.on('end', () => resolve({ entries, raw }));
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      total += entry.uncompressedSize;
      const bomb =
        entries.size >= ZIP_LIMITS.entries
          ? `more than ${ZIP_LIMITS.entries} entries`
          : total > ZIP_LIMITS.totalBytes
            ? `its entries unpack to over ${ZIP_LIMITS.totalBytes / 1024 ** 3} GiB`
            : entry.uncompressedSize > ZIP_LIMITS.entryBytes
              ? `"${name}" unpacks to ${Math.round(entry.uncompressedSize / 1024 ** 2)} MiB (limit ${ZIP_LIMITS.entryBytes / 1024 ** 2} MiB)`
              : entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)
                ? `"${name}" is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1 (limit ${ZIP_LIMITS.ratio}:1)`
                : undefined;
      if (bomb) return fail(new NarrateError(`${file}: refused as a ZIP bomb: ${bomb}. This is not an ordinary book; do not open it`));
      if (!name.endsWith('/')) {
        entries.set(name, { name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
        raw.set(name, entry);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** yauzl's own refusals, said in our words. */
function zipError(file: string, e: Error): NarrateError {
  const m = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(e.message);
  if (m) return entryPathError(file, m[1]!);
  return new NarrateError(`${file}: not a readable EPUB: its ZIP container is damaged (${e.message}). Re-export the book or get a fresh copy`);
}

export function entryPathError(file: string, path: string): NarrateError {
  return new NarrateError(`${file}: refused: the entry path "${path}" leaves the book's container. The file is damaged or crafted to write elsewhere; do not open it`);
}

function readEntry(file: string, zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, name: string): Promise<Buffer> {
  if (!entry) return Promise.reject(new NarrateError(`${file}: the book names "${name}", which is not in it. The EPUB is incomplete; re-export it`));
  if (entry.isEncrypted()) return Promise.reject(new NarrateError(`${file}: "${name}" is password-encrypted. narrate reads only unencrypted books`));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(zipError(file, err));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) => reject(zipError(file, e)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
