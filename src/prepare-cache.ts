// The prepared-text cache: what reading a source and turning its text into segments
// computed, kept so that an unchanged rerun skips both (on a long book they are most of
// an unchanged rerun's time). Each source path has one entry per stage, named by the hash
// of its absolute path, so editing a script replaces its entries instead of adding more:
//   <cache>/prepared/<path hash>.source     the reader's SourceBook
//   <cache>/prepared/<path hash>.segments   the segments (speech text and SSML included)
// An entry holds its key (the hash of everything that decides it, see src/prepare.ts), the
// warnings the stage gave (told again on a hit, so a rerun says what the first run said)
// and the value, serialized with v8. An entry that cannot be read, whose key differs or
// whose bytes do not match its checksum is rebuilt. Entries are written by `save`, which the
// pipeline calls once a run has succeeded: a dry run or a failed run writes nothing, and a
// failed write only costs the reuse.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './util/atomic-file.js';
import { isUrl } from './web/fetch-page.js';

export type PreparedStage = 'source' | 'segments';

interface EntryHeader {
  key: string;
  /** Warnings the stage gave, in order. */
  notes: string[];
  bodyBytes: number;
  bodySha256: string;
}

/** A stored form of a value that is smaller or faster to read back than the value, and the way back. */
export interface Codec<T, S> {
  pack(value: T): S;
  unpack(stored: S): T;
}

export interface ReuseOptions<T, S> {
  /** Warnings: given as they happen on a miss, told again from the entry on a hit. */
  onNote: (message: string) => void;
  /** A hit whose value points at something gone (a cover extracted to TMPDIR) is rebuilt. */
  stillValid?: (value: T) => boolean;
  /** How the value is stored; as it is without one. */
  codec?: Codec<T, S>;
}

export class PreparedCache {
  /** The entries' folder; undefined when the cache is off. */
  private readonly folder: string | undefined;
  /** Entries built by this run, written by `save`. */
  private readonly unsaved: Array<() => Promise<void>> = [];

  /**
   * The cache for one source. It is off (every stage is built) without a cache folder
   * (--no-cache), without a build id (the sources run directly: their code may change
   * between runs unseen) and for a URL (its page may change between runs).
   */
  constructor(
    cacheDir: string | undefined,
    private readonly sourcePath: string,
    private readonly buildId: string | undefined,
  ) {
    this.folder = cacheDir === undefined || buildId === undefined || isUrl(sourcePath) ? undefined : join(cacheDir, 'prepared');
  }

  /**
   * The key of what the reader makes of the source: the build, the input's bytes, its path as
   * given (the book names its file and locations by it, and a plain-text title comes from
   * it) and the reader's options. Undefined when the cache is off or the input cannot be
   * read (the reader then says why).
   */
  async sourceKey(readerOptions: Record<string, unknown>): Promise<string | undefined> {
    if (this.folder === undefined) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.sourcePath);
    } catch {
      return undefined;
    }
    return hashKey({ build: this.buildId, path: this.sourcePath, bytes: createHash('sha256').update(bytes).digest('hex'), readerOptions });
  }

  /** The stage's value from its entry when the key matches, else built anew (and stored by `save`). Without a key, just built. */
  async reuse<T, S = T>(
    stage: PreparedStage,
    key: string | undefined,
    build: (onNote: (message: string) => void) => Promise<T> | T,
    options: ReuseOptions<T, S>,
  ): Promise<{ value: T; reused: boolean }> {
    if (key === undefined || this.folder === undefined) return { value: await build(options.onNote), reused: false };
    const file = join(this.folder, `${createHash('sha256').update(resolve(this.sourcePath)).digest('hex').slice(0, 32)}.${stage}`);
    const codec = options.codec ?? { pack: (value: T) => value as unknown as S, unpack: (stored: S) => stored as unknown as T };
    const entry = await readEntry(file, key, (stored: S) => codec.unpack(stored));
    if (entry && (options.stillValid?.(entry.value) ?? true)) {
      for (const note of entry.notes) options.onNote(note);
      return { value: entry.value, reused: true };
    }
    const notes: string[] = [];
    const value = await build((message) => {
      notes.push(message);
      options.onNote(message);
    });
    this.unsaved.push(() => writeEntry(file, key, notes, codec.pack(value)));
    return { value, reused: false };
  }

  /** Writes the entries this run built. A write that fails is no error: the next run builds them again. */
  async save(): Promise<void> {
    for (const write of this.unsaved.splice(0)) await write().catch(() => {});
  }
}

/** Hash of a key's parts; sets and maps count by their contents. */
export function hashKey(parts: Record<string, unknown>): string {
  const json = JSON.stringify(parts, (_, value: unknown) => {
    if (value instanceof Set) return [...value].sort();
    if (value instanceof Map) return [...value.entries()];
    return value;
  });
  return createHash('sha256').update(json).digest('hex');
}

// Layout: a 4-byte length, the header as JSON, then the v8-serialized value.
async function readEntry<S, T>(file: string, key: string, unpack: (stored: S) => T): Promise<{ value: T; notes: string[] } | undefined> {
  try {
    const bytes = await readFile(file);
    const headerEnd = 4 + bytes.readUInt32BE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, headerEnd)) as EntryHeader;
    if (header.key !== key) return undefined;
    const body = bytes.subarray(headerEnd);
    if (body.length !== header.bodyBytes || createHash('sha256').update(body).digest('hex') !== header.bodySha256) return undefined;
    return { value: unpack(deserialize(body) as S), notes: header.notes };
  } catch {
    return undefined;
  }
}

async function writeEntry(file: string, key: string, notes: string[], value: unknown): Promise<void> {
  const body = serialize(value);
  const header: EntryHeader = { key, notes, bodyBytes: body.length, bodySha256: createHash('sha256').update(body).digest('hex') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  await writeFileAtomic(file, Buffer.concat([length, headerBytes, body]));
}
