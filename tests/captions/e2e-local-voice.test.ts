// A short book spoken by the local eSpeak NG voice: every cue is checked against
// the engine's own word events, asked for again segment by segment.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import { prepareBook } from '../../src/prepare.js';
import type { TimedToken } from '../../src/types.js';
import { tempDir, writeScript } from '../support/book.js';
import { decodeToPcm } from '../support/decode.js';
import { HeardAudio } from './onsets.js';
import { readCaptions, readabilityProblems, timingProblems, type ReadCue } from './checks.js';

const STORY = `# The Keeper's Log

## Night & Storm

In 1969 the keeper paid $4,150 for a new lamp. It burned all night, through wind and rain, while the boats waited below the cliffs.

"Is it lit?" she asked. Yes. It was.

## Morning <after>

The sea was calm again --> and the gulls came back to the rock.
`;

interface HeardWord {
  written: string;
  startMs: number;
  stopMs: number;
}

/**
 * Each written word's first and last engine word event, placed on the final clock.
 * eSpeak NG's leading silence varies with the engine's state (about 330 ms more
 * on a fresh engine), so each new rendering is lined up with the book's audio by
 * where its sound begins, measured in both.
 */
async function engineWords(options: Parameters<typeof prepareBook>[0], result: NarrateResult, book: HeardAudio): Promise<HeardWord[]> {
  const { segments, provider, cast, voices } = await prepareBook(options);
  await provider.prepare(voices);
  const offsets = new Map(result.manifest.chapters.flatMap((c) => c.segments.map((s) => [s.id, s.startMs] as const)));
  const words: HeardWord[] = [];
  try {
    for (const segment of segments) {
      const speech = await provider.synthesize({ segmentId: segment.id, ssml: segment.ssml, voice: cast.voices.get(segment.voice)! });
      const marks = speech.marks.filter((m) => m.type === 'word');
      const segmentStart = offsets.get(segment.id)!;
      const ownOnset = new HeardAudio(speech.pcm, speech.sampleRate).onsetAfter(0, 10_000)!;
      const offset = book.onsetAfter(segmentStart, segmentStart + 10_000)! - ownOnset;
      for (const span of segment.tokenSpans.filter((s) => s.written !== '')) {
        const hits = marks.filter((m) => m.start! >= span.start && m.start! < span.end);
        // eSpeak NG voices some word pairs ("for a") as one event: the second word is heard inside the first's.
        if (hits.length === 0) {
          words.push({ ...words.at(-1)!, written: span.written });
          continue;
        }
        const startMs = offset + Math.min(...hits.map((m) => m.timeMs));
        words.push({ written: span.written, startMs, stopMs: offset + Math.max(...hits.map((m) => m.endMs ?? m.timeMs)) });
      }
    }
  } finally {
    await provider.close();
  }
  return words;
}

describe('captions of a book spoken by eSpeak NG', () => {
  let result: NarrateResult;
  let cues: ReadCue[];
  let heard: HeardWord[];
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir();
    const options = { scriptPath: await writeScript(dir, 'log.md', STORY), provider: 'local', outRoot: join(dir, 'out'), formats: ['mp3' as const], cacheDir: false as const };
    result = (await narrate(options)) as NarrateResult;
    // The captions.vtt the run wrote, as users get it.
    cues = readCaptions(await readFile(join(result.outDir, 'captions.vtt'), 'utf8'), result.timeline);
    const rate = result.timeline.sampleRate;
    heard = await engineWords(options, result, new HeardAudio(await decodeToPcm(join(result.outDir, 'book.mp3'), rate), rate));
  });

  afterAll(async () => {
    const { rm } = await import('node:fs/promises');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the words as written, not as spoken', () => {
    const text = cues.map((c) => c.lines.join(' ')).join(' ');
    expect(text).toContain('In 1969 the keeper paid $4,150 for a new lamp.');
    expect(text).toContain('The sea was calm again --> and the gulls came back to the rock.');
    expect(heard.map((w) => w.written)).toEqual(result.timeline.tokens.map((t) => t.written));
  });

  it('keeps the readability limits and the timing target against the timeline', () => {
    expect(readabilityProblems(cues, result.timeline)).toEqual([]);
    expect(timingProblems(cues)).toEqual([]);
  });

  it('starts and ends every cue on the engine word events', () => {
    const index = new Map<TimedToken, number>(result.timeline.tokens.map((t, i) => [t, i]));
    const errors = cues.map((cue) => {
      const first = heard[index.get(cue.words[0]!)!]!;
      const last = heard[index.get(cue.words.at(-1)!)!]!;
      return { cue: cue.lines.join(' '), start: cue.startMs - first.startMs, end: cue.endMs - last.stopMs };
    });
    // Lining renderings up by their sound onsets is exact to one 5 ms frame either way.
    expect(errors.filter((e) => e.start < -100 || e.start > 50 || e.end < -10 || e.end > 150)).toEqual([]);
  });
});
