// npm run bench:normalization [-- --words 100000]: how long the speech-text stage takes
// to turn a parsed book into spoken tokens, for a generated book whose sentences are
// thick with numbers, dates, money, measures, addresses and initialisms. Prints the best
// of three runs (parsing is timed apart, since it is not normalization).
import { parseArgs } from 'node:util';
import { parseScript } from './document/index.js';
import { LOCAL_CAPABILITIES } from './providers/local/index.js';
import { toSpokenBook } from './speech-text/index.js';

// Written for this benchmark: plain narrative with every kind of reading mixed in.
const SENTENCES = [
  'On Feb 9 1952 the keeper logged 14 ships, 3 of them Norwegian, in 2 1/2 hours.',
  'The repairs cost $4,150 in 1987 and £1.2bn more by the 1990s, about 15% over the estimate.',
  'She called +1 (212) 555-0187 at 7:30 p.m. and again at 21:51:31 the next day.',
  'The FBI office at 1642 W Harbor Rd, Salem, OR 97301 opened on the 3rd June.',
  'Wind gusts reached 90 km/h, the swell rose 4.5 m and the air fell to -3°C.',
  'Write to tide.tables@harbor.org or see https://harbor.example.org/log for the 2019/11/05 entry.',
  'Dr. Moss walked down Elm St. with Mr. Lee, who had read Chapter IV twice.',
  'Nobody on the pier remembered who had painted the bollards blue, only that they had always been blue.',
  'The lamp room smelled of brass polish, paraffin and the cold, and the gulls cried over the rocks.',
  'By noon the fog had lifted, and the far shore showed itself — grey, then green, then gold.',
];

function book(words: number): string {
  const lines = ['# A Harbor Log', ''];
  let count = 0;
  let i = 0;
  for (let chapter = 1; count < words; chapter++) {
    lines.push(`## Chapter ${chapter}`, '');
    for (let p = 0; p < 40 && count < words; p++) {
      const paragraph: string[] = [];
      for (let s = 0; s < 5 && count < words; s++) {
        const sentence = SENTENCES[i++ % SENTENCES.length]!;
        paragraph.push(sentence);
        count += sentence.split(/\s+/).length;
      }
      lines.push(paragraph.join(' '), '');
    }
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { words: { type: 'string', default: '100000' } } });
  const words = Number(values.words);
  const text = book(words);
  const parseStart = performance.now();
  const doc = parseScript({ path: 'bench.md', text, format: 'markdown' });
  const parseMs = performance.now() - parseStart;
  const runs: number[] = [];
  const cpu: number[] = [];
  let tokens = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const spoken = toSpokenBook(doc, { capabilitiesFor: () => LOCAL_CAPABILITIES });
    runs.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    tokens = spoken.chapters.reduce((n, c) => n + c.paragraphs.reduce((m, p) => m + p.sentences.reduce((k, s) => k + s.tokens.length, 0), 0), 0);
  }
  const best = Math.min(...runs);
  console.log(`words: ${words}  tokens: ${tokens}  parse: ${(parseMs / 1000).toFixed(2)} s`);
  const seconds = (ms: number[]) => ms.map((r) => (r / 1000).toFixed(2)).join(', ');
  console.log(`normalization (speech-text stage): first run ${(runs[0]! / 1000).toFixed(2)} s (word list loaded, code cold), best ${(best / 1000).toFixed(2)} s of ${seconds(runs)} s; ${Math.round(words / (best / 1000)).toLocaleString('en-US')} words/s`);
  // CPU time is less disturbed than wall time when other work shares the machine.
  console.log(`normalization CPU time (user + system): ${seconds(cpu)} s`);
}

main();
