// npm run bench:epub [-- --words 200000]: builds an EPUB 3 book of that many words
// (parts > chapters > sections, note references, page breaks, endnotes) and times
// `narrate book.epub --dry-run` with the built CLI, as a user runs it: wall time and
// peak memory (GNU time's maximum resident set size) of the whole process, best of 3.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { buildEpub, type Page, type TocItem } from '../tests/support/epub-book.js';

const run = promisify(execFile);

const SENTENCES = [
  'The ferry left the harbor at seven, a little late, with the tide already turning.',
  'Nobody on the pier remembered who had painted the bollards blue, only that they had always been blue.',
  'She counted the gulls on the breakwater and lost count somewhere past forty.',
  'On the second of May the wind came round to the east and stayed there for a week.',
  'The lamp room smelled of brass polish, paraffin and the cold.',
  'By noon the fog had lifted, and the far shore showed itself, grey, then green, then gold.',
  'It cost them $12.50 to cross, which was more than they had planned.',
  'He wrote the date in the log, underlined it twice, and went back out into the rain.',
];

function book(words: number) {
  const chapters = Math.max(4, Math.round(words / 5000));
  const perChapter = words / chapters;
  const pages: Page[] = [{ id: 'title', file: 'title.xhtml', body: '<section epub:type="titlepage"><h1>A Long Crossing</h1></section>' }];
  const toc: TocItem[] = [];
  let s = 0;
  let note = 0;
  const notes: string[] = [];
  for (let c = 1; c <= chapters; c++) {
    if ((c - 1) % 10 === 0) {
      const part = (c - 1) / 10 + 1;
      pages.push({ id: `part${part}`, file: `part${part}.xhtml`, body: `<section epub:type="part"><h1>Part ${part}</h1></section>` });
      toc.push({ title: `Part ${part}`, href: `part${part}.xhtml`, children: [] });
    }
    const body: string[] = [`<section epub:type="chapter"><h2>Chapter ${c}</h2>`];
    let count = 0;
    let paragraph = 0;
    while (count < perChapter) {
      if (paragraph === 12) body.push(`<h3 id="s${c}-2">Section ${c}.2</h3>`);
      const sentences: string[] = [];
      for (let k = 0; k < 4; k++) {
        const sentence = SENTENCES[s++ % SENTENCES.length]!;
        sentences.push(sentence);
        count += sentence.split(/\s+/).length;
      }
      const ref = paragraph % 20 === 5 ? `<a epub:type="noteref" href="notes.xhtml#n${++note}">${note}</a>` : '';
      if (ref) notes.push(`<aside epub:type="endnote" id="n${note}"><p>Note ${note}: the log was kept in pencil.</p></aside>`);
      body.push(`<p>${sentences.join(' ')}${ref}</p>`);
      if (paragraph % 15 === 14) body.push(`<span epub:type="pagebreak" id="pg${c}-${paragraph}" title="${c * 20 + paragraph}"/>`);
      paragraph++;
    }
    body.push('</section>');
    pages.push({ id: `c${c}`, file: `c${c}.xhtml`, body: body.join('\n') });
    toc[toc.length - 1]!.children!.push({ title: `Chapter ${c}`, href: `c${c}.xhtml`, children: [{ title: `Section ${c}.2`, href: `c${c}.xhtml#s${c}-2` }] });
  }
  pages.push({ id: 'notes', file: 'notes.xhtml', body: `<section epub:type="endnotes">${notes.join('\n')}</section>` });
  return buildEpub({ version: 3, title: 'A Long Crossing', creators: ['The Bench'], pages, toc });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { words: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' }, write: { type: 'string' } } });
  const words = Number(values.words);
  if (values.write) {
    await writeFile(values.write, book(words)); // just the book, to try by hand
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'narrate-bench-epub-'));
  try {
    const path = join(dir, 'book.epub');
    const bytes = book(words);
    await writeFile(path, bytes);
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const results: Array<{ wallS: number; cpuS: number; rssMiB: number; chapters: number }> = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, cli, path, '--dry-run', '--out', join(dir, 'out')], { maxBuffer: 64 * 1024 ** 2 });
      const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (!m) throw new Error(`no timing from /usr/bin/time: ${stderr}`);
      results.push({ wallS: Number(m[1]), rssMiB: Number(m[2]) / 1024, cpuS: Number(m[3]) + Number(m[4]), chapters: (stdout.match(/^ +\d+\. /gm) ?? []).length });
    }
    const best = results.reduce((a, b) => (b.wallS < a.wallS ? b : a));
    console.log(`EPUB: ${words} words, ${(bytes.length / 1024).toFixed(0)} KiB, ${best.chapters} chapters listed`);
    console.log(`narrate book.epub --dry-run (local provider): best of ${results.length}: ${best.wallS.toFixed(2)} s wall, ${best.cpuS.toFixed(2)} s CPU (user + system), peak memory ${Math.max(...results.map((r) => r.rssMiB)).toFixed(0)} MiB (max RSS over all runs)`);
    console.log(`all runs: ${results.map((r) => `${r.wallS.toFixed(2)} s wall / ${r.cpuS.toFixed(2)} s CPU / ${r.rssMiB.toFixed(0)} MiB`).join(', ')}`);
    console.log(`(wall time counts waiting for the CPU: on a busy machine, CPU time is the closer figure; load now ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
