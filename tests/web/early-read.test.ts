// Reading a saved page in a worker while the CLI starts (src/web/early-read.ts): which
// argument is the page, that the worker's article is the one this thread would find, and
// that anything but a match (another path, other options, a failure) leaves the reading
// to the caller. The CLI's side is in tests/web/web-input.test.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedPageIn, startSavedPageRead, takeSavedPageRead } from '../../src/web/early-read.js';
import { decodePage, extractArticle } from '../../src/web/extract.js';
import { tempDir } from '../support/book.js';
import { boxedStoryPage, newsPage, PAGE_TITLE } from './fixtures-page.js';

async function savedPage(html: string, name = 'page.html'): Promise<string> {
  const file = join(await tempDir('narrate-early-read-'), name);
  await writeFile(file, html);
  return file;
}

describe('savedPageIn (the saved page a command line names)', () => {
  it('is the first argument ending in .html or .htm that is not an option', () => {
    expect(savedPageIn(['saved/story.html', '--dry-run'])).toEqual({ path: 'saved/story.html', keepAll: false, describeImages: false });
    expect(savedPageIn(['--provider', 'mock', 'Story.HTM', '--keep-all'])).toEqual({ path: 'Story.HTM', keepAll: true, describeImages: false });
    expect(savedPageIn(['--describe-images', 'a.html'])).toEqual({ path: 'a.html', keepAll: false, describeImages: true });
    expect(savedPageIn(['--out=page.html', 'a.htm', 'b.html'])?.path).toBe('a.htm');
  });

  it('is none for scripts, books, addresses and other commands', () => {
    for (const args of [['script/story.md'], ['book.epub', '--dry-run'], ['https://example.org/story'], ['voices', '--provider', 'local'], []]) expect(savedPageIn(args)).toBeUndefined();
  });
});

describe('startSavedPageRead and takeSavedPageRead', () => {
  it("give the article this thread would find, for the same path and options", async () => {
    const cases = [
      [newsPage(), false, false],
      [newsPage(), true, false],
      [newsPage(), false, true],
      [boxedStoryPage(), false, false],
    ] as const;
    for (const [html, keepAll, describeImages] of cases) {
      const file = await savedPage(html);
      expect(startSavedPageRead([file, ...(keepAll ? ['--keep-all'] : []), ...(describeImages ? ['--describe-images'] : [])], 2)).toBe(true);
      const article = await takeSavedPageRead(file, { keepAll, describeImages });
      expect(article).toBeDefined();
      expect(article).toEqual(extractArticle(decodePage(Buffer.from(html)), { file, keepAll, describeImages }));
    }
  });

  it('leave the reading to the caller for another path or other options, and start nothing on one core', async () => {
    const file = await savedPage(newsPage());
    expect(startSavedPageRead([file], 1)).toBe(false);
    expect(await takeSavedPageRead(file, { keepAll: false, describeImages: false })).toBeUndefined();
    expect(startSavedPageRead([file], 2)).toBe(true);
    expect(await takeSavedPageRead(file, { keepAll: true, describeImages: false })).toBeUndefined();
    expect(await takeSavedPageRead(file, { keepAll: false, describeImages: true })).toBeUndefined();
    expect(await takeSavedPageRead(`${file}x`, { keepAll: false, describeImages: false })).toBeUndefined();
    // The read that was not taken still stands for the page it was started for.
    expect((await takeSavedPageRead(file, { keepAll: false, describeImages: false }))?.title).toBe(PAGE_TITLE);
    expect(await takeSavedPageRead(file, { keepAll: false, describeImages: false })).toBeUndefined();
  });

  it('give nothing when the worker cannot read the page: the caller reads it and reports why', async () => {
    const dir = await tempDir('narrate-early-read-missing-');
    const folder = join(dir, 'folder.html');
    await mkdir(folder);
    for (const path of [join(dir, 'missing.html'), folder]) {
      expect(startSavedPageRead([path], 2)).toBe(true);
      expect(await takeSavedPageRead(path, { keepAll: false, describeImages: false })).toBeUndefined();
    }
  });
});
