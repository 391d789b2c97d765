// End to end with the mock provider: real ffmpeg writes real M4B and MP3 files,
// read back with ffprobe.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrate, type NarrateResult } from '../../src/pipeline.js';
import type { Manifest } from '../../src/types.js';
import { tempDir, writeScript } from '../support/book.js';
import { ffprobe } from '../support/ffprobe.js';
import { decodeToPcm, rms } from '../support/decode.js';

const STORY = `# Harbour Lights

## The Ferry

The ferry left at seven. It was late, as always.

Nobody minded; the tide was kind that day.

## The Storm of 1962

Wind broke the window at 2:15 in the morning. She nailed a cloth across it [500ms] and climbed the tower.

## Home

The lamp was lit again. Ships passed. Nothing was owed.
`;

describe('narrating with the mock provider', () => {
  let dir: string;
  let script: string;
  let first: NarrateResult;
  let manifest: Manifest;

  beforeAll(async () => {
    dir = await tempDir();
    script = await writeScript(dir, 'harbour.md', STORY);
    first = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'] })) as NarrateResult;
    manifest = JSON.parse(await readFile(join(first.outDir, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('writes the audio books, chapters and manifest under output/<slug>/', async () => {
    expect(first.outDir).toBe(join(dir, 'out', 'harbour-lights'));
    const files = (await readdir(first.outDir)).sort();
    expect(files).toEqual(expect.arrayContaining(['book.m4b', 'book.mp3', 'chapters.json', 'manifest.json']));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['book.m4b', 'book.mp3'])('%s has one chapter per script chapter, titled and timed as the manifest says', async (file) => {
    const probe = await ffprobe(join(first.outDir, file));
    expect(probe.chapters.map((c) => c.tags.title)).toEqual(['The Ferry', 'The Storm of 1962', 'Home']);
    probe.chapters.forEach((c, i) => {
      expect(Math.abs(Number(c.start_time) * 1000 - manifest.chapters[i]!.startMs)).toBeLessThanOrEqual(50);
      expect(Math.abs(Number(c.end_time) * 1000 - manifest.chapters[i]!.endMs)).toBeLessThanOrEqual(50);
    });
    expect(Math.abs(Number(probe.format.duration) * 1000 - manifest.durationMs)).toBeLessThan(120);
    expect(probe.format.tags?.title ?? probe.format.tags?.TITLE).toBe('Harbour Lights');
  });

  it('encodes AAC in an MP4 container and MP3 with ID3v2.3 chapters', async () => {
    const m4b = await ffprobe(join(first.outDir, 'book.m4b'));
    expect(m4b.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    const mp3 = await readFile(join(first.outDir, 'book.mp3'));
    expect(mp3.subarray(0, 4).toString('latin1')).toBe('ID3\x03');
    expect(mp3.includes(Buffer.from('CTOC'))).toBe(true);
    expect(mp3.includes(Buffer.from('CHAP'))).toBe(true);
  });

  it('records every segment with its source line, SSML, voice and place in the audio', () => {
    const segments = manifest.chapters.flatMap((c) => c.segments);
    expect(segments.map((s) => s.id)).toEqual(['c01-title', 'c01-p001-k01', 'c01-p002-k01', 'c02-title', 'c02-p001-k01', 'c03-title', 'c03-p001-k01']);
    const storm = segments.find((s) => s.id === 'c02-p001-k01')!;
    expect(storm).toMatchObject({ location: { file: script, line: 11 }, provider: 'mock', voice: 'narrator' });
    expect(storm.ssml).toContain("<break time='500ms'/>");
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.startMs).toBeGreaterThanOrEqual(segments[i - 1]!.endMs);
    expect(manifest.durationMs).toBeGreaterThan(segments[segments.length - 1]!.endMs - 1);
  });

  it.each(['book.m4b', 'book.mp3'])('places every word where %s sounds it', async (file) => {
    // The mock sounds a tone for each word and leaves 40 ms of silence between words.
    const pcm = await decodeToPcm(join(first.outDir, file), 16_000);
    const words = first.timeline.tokens;
    expect(words.length).toBeGreaterThan(40);
    for (const w of words) {
      expect(rms(pcm, 16_000, w.startMs + 8, w.endMs - 8), `${w.written} at ${w.startMs}`).toBeGreaterThan(1000);
      expect(rms(pcm, 16_000, w.startMs - 30, w.startMs - 10), `before ${w.written}`).toBeLessThan(300);
      expect(rms(pcm, 16_000, w.endMs + 10, w.endMs + 30), `after ${w.written}`).toBeLessThan(300);
    }
  });

  it('writes Podcasting 2.0 JSON chapters', async () => {
    const chapters = JSON.parse(await readFile(join(first.outDir, 'chapters.json'), 'utf8'));
    expect(chapters.version).toBe('1.2.0');
    expect(chapters.chapters.map((c: { title: string }) => c.title)).toEqual(['The Ferry', 'The Storm of 1962', 'Home']);
    expect(chapters.chapters.map((c: { startTime: number }) => c.startTime)).toEqual(manifest.chapters.map((c) => c.startMs / 1000));
  });

  it('synthesizes nothing and keeps the audio files on an unchanged rerun', async () => {
    const before = await stat(join(first.outDir, 'book.m4b'));
    const again = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'] })) as NarrateResult;
    expect(again.synthesized).toBe(0);
    expect((await stat(join(first.outDir, 'book.m4b'))).mtimeMs).toBe(before.mtimeMs);
    expect(again.manifest).toEqual(manifest);
    const probe = await ffprobe(join(first.outDir, 'book.mp3'));
    expect(probe.chapters.map((c) => Math.round(Number(c.start_time) * 1000))).toEqual(again.manifest.chapters.map((c) => c.startMs));
    // A missing file is encoded again.
    await rm(join(first.outDir, 'book.mp3'));
    await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'] });
    expect((await ffprobe(join(first.outDir, 'book.mp3'))).chapters).toHaveLength(3);
    expect((await stat(join(first.outDir, 'book.m4b'))).mtimeMs).toBeGreaterThan(before.mtimeMs);
  });

  it('synthesizes only the edited segment after a one-word edit, and encodes again', async () => {
    const again = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['mp3'] })) as NarrateResult;
    expect(again.synthesized).toBe(0);
    await writeFile(script, STORY.replace('Ships passed.', 'Boats passed.'));
    const edited = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['mp3'] })) as NarrateResult;
    expect(edited.synthesized).toBe(1);
    expect(edited.cached).toBe(again.cached - 1);
  });
});

describe('a run that fails halfway', () => {
  it('leaves no audio file, complete or partial, and keeps finished segments cached', async () => {
    const { createMockProvider } = await import('../../src/providers/mock/index.js');
    const mock = createMockProvider();
    let calls = 0;
    const failing = {
      ...mock,
      concurrency: 1,
      capabilities: (v: Parameters<typeof mock.capabilities>[0]) => ({ ...mock.capabilities(v), concurrency: 1 }),
      synthesize: async (...args: Parameters<typeof mock.synthesize>) => {
        if (++calls === 4) throw new Error('connection reset');
        return mock.synthesize(...args);
      },
    };
    const dir = await tempDir();
    const script = await writeScript(dir, 'harbour.md', STORY);
    await expect(narrate({ scriptPath: script, provider: failing, outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'] })).rejects.toThrow(/connection reset/);
    const outDir = join(dir, 'out', 'harbour-lights');
    const left = await readdir(outDir).catch(() => [] as string[]);
    expect(left).toEqual([]);
    const resumed = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['mp3'] })) as NarrateResult;
    expect(resumed.cached).toBe(3);
  });
});

describe('a cover image', () => {
  it('is embedded in both audio files', async () => {
    const dir = await tempDir();
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=navy:s=1400x1400', '-frames:v', '1', join(dir, 'cover.png')]);
    const script = await writeScript(dir, 'covered.md', `---\ntitle: Covered\ncover: cover.png\n---\n\n## One\n\nA line under a cover.\n`);
    const result = (await narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['m4b', 'mp3'] })) as NarrateResult;
    for (const file of ['book.m4b', 'book.mp3']) {
      const probe = await ffprobe(join(result.outDir, file));
      const picture = probe.streams.find((s) => s.codec_type === 'video');
      expect(picture?.codec_name, file).toBe('png');
    }
  });

  it('that is missing stops the run with the path', async () => {
    const dir = await tempDir();
    const script = await writeScript(dir, 'covered.md', `---\ntitle: Covered\ncover: nowhere.jpg\n---\n\n## One\n\nA line.\n`);
    await expect(narrate({ scriptPath: script, provider: 'mock', outRoot: join(dir, 'out'), formats: ['mp3'] })).rejects.toThrow(/covered\.md: cover image .*nowhere\.jpg.* cannot be read/);
  });
});
