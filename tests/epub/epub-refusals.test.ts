// Books narrate refuses, each with one line saying what and how to go on.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/book.js';
import { buildEpub, sentences, type EpubSpec } from '../support/epub-book.js';

function small(extra: Partial<EpubSpec> = {}): EpubSpec {
  return {
    version: 3,
    title: 'A Small Book',
    pages: [{ id: 'c', file: 'c.xhtml', body: `<h1>One</h1><p>${sentences('small', 3)}</p>` }],
    toc: [{ title: 'One', href: 'c.xhtml' }],
    ...extra,
  };
}

const encryption = (uri: string, algorithm: string) => `<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData>
</encryption>`;

async function narrateBytes(bytes: Buffer | string): Promise<{ code: number | null; lines: string[]; files: string[] }> {
  const dir = await tempDir();
  await writeFile(join(dir, 'book.epub'), bytes);
  const run = await runCli(['book.epub', '--provider', 'mock'], { cwd: dir });
  return { code: run.code, lines: run.stderr.trim().split('\n'), files: await readdir(dir) };
}

describe('refused books', () => {
  it.each([
    ['a file that is not a ZIP', () => 'Once upon a time, in plain text.', /^narrate: book\.epub: not an EPUB: it is not a ZIP file \(.*\)\. Give an \.epub file/],
    ['a ZIP with no META-INF/container.xml', () => buildEpub(small({ withoutContainer: true })), /^narrate: book\.epub: not an EPUB: the ZIP has no META-INF\/container\.xml\./],
    ['an entry whose path leaves the container', () => buildEpub(small({ entries: [{ name: '../escape.txt', data: 'x' }] })), /^narrate: book\.epub: refused: the entry path "\.\.\/escape\.txt" leaves the book's container\./],
    [
      'a manifest item whose href leaves the container',
      () => buildEpub(small({ extra: [{ id: 'x', file: '../../outside.xhtml', mediaType: 'application/xhtml+xml' }] })),
      /^narrate: book\.epub: refused: the entry path "\.\.\/\.\.\/outside\.xhtml" leaves the book's container\./,
    ],
    [
      'a ZIP bomb by ratio',
      () => buildEpub(small({ entries: [{ name: 'OEBPS/filler.xhtml', data: Buffer.alloc(16 * 1024 ** 2) }] })),
      /^narrate: book\.epub: refused as a ZIP bomb: "OEBPS\/filler\.xhtml" is compressed \d+:1 \(limit 200:1\)\./,
    ],
    [
      'a ZIP bomb by declared size',
      () => buildEpub(small({ entries: [{ name: 'OEBPS/huge.xhtml', data: 'small really', declaredSize: 700 * 1024 ** 2 }] })),
      /^narrate: book\.epub: refused as a ZIP bomb: "OEBPS\/huge\.xhtml" unpacks to 700 MiB \(limit 512 MiB\)\./,
    ],
    [
      'a DRM-encrypted book',
      () => buildEpub(small({ entries: [{ name: 'META-INF/encryption.xml', data: encryption('OEBPS/c.xhtml', 'http://www.w3.org/2001/04/xmlenc#aes128-cbc') }] })),
      /^narrate: book\.epub: refused: the book is DRM-protected \(META-INF\/encryption\.xml encrypts "OEBPS\/c\.xhtml"\)\./,
    ],
  ])('%s', async (_, make, message) => {
    const { code, lines, files } = await narrateBytes(make());
    expect(code).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(files).toEqual(['book.epub']);
  });

  it('reads a book whose only encryption is font obfuscation', async () => {
    const dir = await tempDir();
    const book = buildEpub(
      small({
        extra: [{ id: 'font', file: 'fonts/serif.otf', data: Buffer.alloc(64, 7), mediaType: 'font/otf' }],
        entries: [{ name: 'META-INF/encryption.xml', data: encryption('OEBPS/fonts/serif.otf', 'http://www.idpf.org/2008/embedding') }],
      }),
    );
    await writeFile(join(dir, 'book.epub'), book);
    const run = await runCli(['book.epub', '--provider', 'mock', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ 1\. One /);
  });

  it('refuses a malformed chapter selection before reading anything', async () => {
    const run = await runCli(['book.epub', '--chapters', '7-3']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--chapters <list>' argument '7-3' is invalid\. expected chapter numbers and ranges from 1, such as 3-7,10/);
  });
});

