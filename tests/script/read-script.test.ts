import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScript } from '../../src/script/read-script.js';
import { tempDir } from '../support/book.js';

describe('readScript', () => {
  it('reads Markdown and text, folding CRLF and a BOM', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), '\uFEFF## One\r\n\r\nHi.\r\n');
    const s = await readScript(join(dir, 'a.md'));
    expect(s).toMatchObject({ format: 'markdown', text: '## One\n\nHi.\n' });
  });

  it.each([
    ['missing', async (dir: string) => join(dir, 'nope.md'), /nope\.md: no such script file/],
    ['empty', async (dir: string) => (await writeFile(join(dir, 'e.md'), '  \n\n'), join(dir, 'e.md')), /e\.md: the script is empty/],
    ['binary', async (dir: string) => (await writeFile(join(dir, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), join(dir, 'b.txt')), /b\.txt: looks like a binary file/],
    ['latin-1', async (dir: string) => (await writeFile(join(dir, 'l.txt'), Buffer.from('ok line\ncaf\xe9 au lait\n', 'latin1')), join(dir, 'l.txt')), /l\.txt:2: not valid UTF-8 text\. Re-save/],
    ['unknown type', async (dir: string) => (await writeFile(join(dir, 's.docx'), 'x'), join(dir, 's.docx')), /unsupported script type "\.docx"/],
    ['folder', async (dir: string) => dir, /is a folder/],
  ])('refuses a %s script with a clear message', async (_name, make, message) => {
    const dir = await tempDir();
    await expect(readScript(await make(dir))).rejects.toThrow(message);
  });
});
