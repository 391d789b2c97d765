// EPUB books through the installed narrate, as users run it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/book.js';
import { ffprobe } from '../support/ffprobe.js';
import {
  anthologyBook,
  CH1_INTRO,
  CH1_SECTION,
  CH2_TEXT,
  CH3_TEXT,
  coverPng,
  epub2Book,
  flatSplitBook,
  nestedBook,
  noTocBook,
  NOTE_TEXT,
  PROJECT_LEXICON,
  sectionedBook,
  writeEpub,
} from './books.js';

interface JsonChapters {
  chapters: Array<{ title: string }>;
}

/** Stderr lines other than progress reports. */
const problems = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '' && !/segments synthesized/.test(l));

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the expected text's words heard, in order, in the transcript. */
function heardShare(expected: string[], transcript: string): number {
  const heard = words(transcript);
  let at = 0;
  let found = 0;
  for (const w of expected.flatMap(words)) {
    const i = heard.indexOf(w, at);
    if (i !== -1) {
      found++;
      at = i + 1;
    }
  }
  return found / expected.flatMap(words).length;
}

describe('narrate book.epub (EPUB 3, parts > chapters > sections)', () => {
  let dir: string;
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    dir = await tempDir();
    await writeEpub(dir, 'salt-road.epub', nestedBook(await coverPng(dir)));
    await writeFile(join(dir, 'lexicon.pls'), PROJECT_LEXICON);
    const run = await runCli(['salt-road.epub', '--provider', 'mock', '--feed', '--base-url', 'https://example.org/salt/'], { cwd: dir });
    expect(problems(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    out = join(dir, 'output', 'the-salt-road');
  });

  it('makes the chapters the TOC entries at the chapter level, titled as written', async () => {
    expect(stdout).toContain('The Salt Road: 3 chapters');
    const chapters = JSON.parse(await readFile(join(out, 'chapters.json'), 'utf8')) as JsonChapters;
    expect(chapters.chapters.map((c) => c.title)).toEqual(['Chapter 1. Arrival', 'Chapter 2', 'Chapter 3']);
    const probe = await ffprobe(join(out, 'book.m4b'));
    expect(probe.chapters.map((c) => c.tags.title)).toEqual(['Chapter 1. Arrival', 'Chapter 2', 'Chapter 3']);
  });

  it('reads all the chapters’ text, and not the notes, page numbers, note references, code or front matter', async () => {
    const transcript = await readFile(join(out, 'transcript.txt'), 'utf8');
    const text = [CH1_INTRO, 'The Zephyr met the Quillon at the Marrow.', 'The coast road in winter.', 'The market', CH1_SECTION, CH2_TEXT, 'Three sacks of salt', 'A lantern', CH3_TEXT];
    expect(heardShare(text, transcript)).toBeGreaterThanOrEqual(0.99);
    expect(transcript).toContain('Part One: The Coast');
    for (const unread of [NOTE_TEXT, 'PRINT', 'All rights reserved', 'A map of the coast road', 'A teal square']) expect(transcript).not.toContain(unread);
    // transcript.txt holds what is heard: the byline is not spoken, and the title page is not read.
    expect(transcript).not.toContain('Ada Marsh and Tom Reed');
    expect(transcript).not.toMatch(/waited \w+ by the \w+\.\s*1\b/); // the note reference "1" after the sentence
    expect(transcript).not.toMatch(/\b7\b/); // the page number
  });

  it('takes title, authors, language and description from the package', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ title: 'The Salt Road', author: 'Ada Marsh and Tom Reed', language: 'en-GB' });
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('A journey along the salt road.');
    expect(feed).not.toContain('&lt;b&gt;');
  });

  it('embeds the cover in the audio and uses it for the feed', async () => {
    const probe = await ffprobe(join(out, 'book.mp3'));
    expect(probe.streams.some((s) => s.codec_type === 'video' && s.codec_name === 'png')).toBe(true);
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/<itunes:image href="https:\/\/example\.org\/salt\/cover\.png"/);
  });

  it('sends ssml:ph and the book lexicon as phonemes; the project lexicon wins', async () => {
    const manifest = await readFile(join(out, 'manifest.json'), 'utf8');
    expect(manifest).toContain("<phoneme alphabet='ipa' ph='ˈzɛfər'>Zephyr</phoneme>");
    expect(manifest).toContain("<phoneme alphabet='ipa' ph='ˈkwɪlən'>Quillon</phoneme>");
    expect(manifest).toContain('at the Marro.');
    expect(manifest).not.toContain('ˈmɛɹoʊ');
  });

  it('lists the chapters and what it skips with --dry-run', async () => {
    const run = await runCli(['salt-road.epub', '--dry-run', '--provider', 'mock'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/chapters from the navigation document table of contents, level 2/);
    expect(run.stdout).toMatch(/ 1\. Chapter 1\. Arrival /);
    expect(run.stdout).toMatch(/ 3\. Chapter 3 /);
    expect(run.stdout).toMatch(/\[copyright-page\] salt-road\.epub\/OEBPS\/copyright\.xhtml/);
    expect(run.stdout).toMatch(/\[title page\] salt-road\.epub\/OEBPS\/title\.xhtml/);
    expect(run.stdout).toMatch(/\[cover\] 1 part/);
    expect(run.stdout).toMatch(/\[note\] 1 part, first at salt-road\.epub\/OEBPS\/notes\.xhtml \(block \d+\): "Notes This endnote/);
    expect(run.stdout).toMatch(/\[code\] 1 part, first at salt-road\.epub\/OEBPS\/c1\.xhtml \(block \d+\): "10 PRINT/);
  });

  it('reads the notes with --notes and image descriptions with --describe-images', async () => {
    const run = await runCli(['salt-road.epub', '--provider', 'mock', '--notes', '--describe-images', '-o', 'with-notes', '--format', 'mp3'], { cwd: dir });
    expect(run.code).toBe(0);
    const transcript = await readFile(join(dir, 'with-notes', 'the-salt-road', 'transcript.txt'), 'utf8');
    expect(transcript).toContain(NOTE_TEXT);
    expect(transcript).toContain('A map of the coast road');
  });

  it('narrates a selection with --chapters', async () => {
    const run = await runCli(['salt-road.epub', '--provider', 'mock', '--chapters', '2-3', '-o', 'some', '--format', 'mp3'], { cwd: dir });
    expect(run.code).toBe(0);
    const chapters = JSON.parse(await readFile(join(dir, 'some', 'the-salt-road', 'chapters.json'), 'utf8')) as JsonChapters;
    expect(chapters.chapters.map((c) => c.title)).toEqual(['Chapter 2', 'Chapter 3']);
    const bad = await runCli(['salt-road.epub', '--provider', 'mock', '--chapters', '2,9', '--dry-run'], { cwd: dir });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toEqual(['narrate: --chapters 2,9: salt-road.epub has 3 chapters, so 9 is out of range. See the numbers with --dry-run']);
  });
});

describe('narrate book.epub: other shapes of book', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  async function chaptersOf(name: string, spec: Parameters<typeof writeEpub>[2]): Promise<{ titles: string[]; stdout: string; transcript: string }> {
    await writeEpub(dir, name, spec);
    const run = await runCli([name, '--provider', 'mock', '--format', 'mp3', '-o', `out-${name}`], { cwd: dir });
    expect(problems(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    const folder = join(dir, `out-${name}`, run.stdout.match(/wrote [^/]+\/([^/]+)\//)![1]!);
    const chapters = JSON.parse(await readFile(join(folder, 'chapters.json'), 'utf8')) as JsonChapters;
    const dry = await runCli([name, '--provider', 'mock', '--dry-run'], { cwd: dir });
    return { titles: chapters.chapters.map((c) => c.title), stdout: dry.stdout, transcript: await readFile(join(folder, 'transcript.txt'), 'utf8') };
  }

  it('EPUB 2: chapters from the NCX, the guide’s title page skipped', async () => {
    const { titles, stdout, transcript } = await chaptersOf('fen.epub', epub2Book());
    expect(titles).toEqual(['First Letter', 'Second Letter']);
    expect(stdout).toContain('chapters from the NCX table of contents, level 1');
    expect(stdout).toMatch(/\[titlepage\] fen\.epub\/OEBPS\/tp\.html/);
    expect(transcript).not.toContain('June Hollow'); // neither a "by" line nor the title page is read
  });

  it('EPUB 3 flat nav: entries pointing into one file split it there', async () => {
    const { titles, transcript } = await chaptersOf('rooms.epub', flatSplitBook());
    expect(titles).toEqual(['The one room', 'The two room', 'The three room']);
    const two = transcript.slice(transcript.indexOf('The two room'));
    expect(two).toContain('roomtwo');
    expect(two.slice(0, two.indexOf('The three room'))).not.toContain('roomthree');
  });

  it('an anthology (section > author > story): each story is a chapter', async () => {
    const { titles } = await chaptersOf('tides.epub', anthologyBook());
    expect(titles).toEqual(['The Ferry', 'Low Water', 'Driftwood', 'Spring Tide']);
  });

  it('chapters with sections in the same file stay whole', async () => {
    const { titles, transcript } = await chaptersOf('field.epub', sectionedBook());
    expect(titles).toEqual(['Chapter 1', 'Chapter 2']);
    expect(transcript).toContain('Section 1.2');
  });

  it('reads long verse without full stops line by line, and a heading group once', async () => {
    const verse = Array.from({ length: 150 }, (_, i) => `and the tide line ${i + 1} ran silver under the moon`).join('<br/>');
    const { titles, transcript } = await chaptersOf('verse.epub', {
      version: 3,
      title: 'Night Tides',
      pages: [{ id: 'p', file: 'p.xhtml', body: `<section epub:type="chapter"><hgroup><h2>Canto I</h2><p>The Estuary</p></hgroup><p>${verse}</p></section>` }],
      toc: [{ title: 'Canto I: The Estuary', href: 'p.xhtml' }],
    });
    expect(titles).toEqual(['Canto I: The Estuary']);
    expect(transcript).toContain('tide line 150 ran silver');
    expect(transcript.split('The Estuary')).toHaveLength(2); // the title only, not the heading again
  });

  it('with a table of contents that leads to no text, the headings start chapters', async () => {
    const spec = noTocBook();
    spec.pages.unshift({ id: 'cov', file: 'cov.xhtml', body: '<section epub:type="cover"><p>Cover</p></section>' });
    spec.toc = [{ title: 'Cover', href: 'cov.xhtml' }];
    const { titles, stdout } = await chaptersOf('walks2.epub', spec);
    expect(titles).toEqual(['The Hill Walk', 'The Shore Walk']);
    expect(stdout).toContain("chapters from the spine's <h2> headings (its table of contents leads to no text)");
  });

  it('with no table of contents, the headings start chapters', async () => {
    const { titles, stdout } = await chaptersOf('walks.epub', noTocBook());
    expect(titles).toEqual(['The Hill Walk', 'The Shore Walk']);
    expect(stdout).toContain("chapters from the spine's <h2> headings (no table of contents)");
  });
});

describe('the eSpeak NG voice hears the book’s phonemes in its own notation', () => {
  it('sends ssml:ph as [[…]] to the local provider', async () => {
    const dir = await tempDir();
    await writeEpub(dir, 'tiny.epub', {
      version: 3,
      title: 'Tiny Zephyr',
      pages: [{ id: 'c', file: 'c.xhtml', body: '<h1>One</h1><p>The <span ssml:ph="ˈzɛfər">Zephyr</span> sailed.</p>' }],
      toc: [{ title: 'One', href: 'c.xhtml' }],
    });
    const run = await runCli(['tiny.epub', '--format', 'mp3'], { cwd: dir });
    expect(run.code).toBe(0);
    const manifest = await readFile(join(dir, 'output', 'tiny-zephyr', 'manifest.json'), 'utf8');
    expect(manifest).toContain("[['zEf@r]]");
  });
});

describe('the book’s language picks the voice’s language', () => {
  it('reads a French book with eSpeak NG’s French voice when voices.json casts none', async () => {
    const dir = await tempDir();
    await writeEpub(dir, 'mer.epub', {
      version: 3,
      title: 'La Mer',
      language: 'fr-FR',
      pages: [{ id: 'c', file: 'c.xhtml', body: '<h1>Un</h1><p>La mer était calme ce matin.</p>' }],
      toc: [{ title: 'Un', href: 'c.xhtml' }],
    });
    const run = await runCli(['mer.epub', '--format', 'mp3'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('the book is in fr-FR: reading with eSpeak NG\'s "fr" voice');
    const manifest = JSON.parse(await readFile(join(dir, 'output', 'la-mer', 'manifest.json'), 'utf8'));
    expect(manifest.language).toBe('fr-FR');
  });
});

describe('Polly hears the book’s phonemes as <phoneme>', () => {
  it('sends ssml:ph and the book lexicon’s entries to Polly in the SSML it bills', async () => {
    const { FakePolly } = await import('../support/fake-polly.js');
    const fake = await FakePolly.start('1.1');
    try {
      const dir = await tempDir();
      await writeEpub(dir, 'salt-road.epub', nestedBook());
      await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'neural' } } } }));
      const run = await runCli(['salt-road.epub', '--provider', 'polly', '--format', 'mp3', '--chapters', '1'], {
        cwd: dir,
        env: {
          AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
          AWS_SECRET_ACCESS_KEY: 'fake/secret',
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL_POLLY: fake.url,
          AWS_CONFIG_FILE: '/nonexistent/config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      });
      expect(run.code, run.stderr).toBe(0);
      const sent = fake.speechRequests().map((r) => String(r.json?.Text ?? '')).join('\n');
      expect(sent).toContain("<phoneme alphabet='ipa' ph='ˈzɛfər'>Zephyr</phoneme>");
      expect(sent).toContain("<phoneme alphabet='ipa' ph='ˈkwɪlən'>Quillon</phoneme>");
    } finally {
      await fake.close();
    }
  });
});
