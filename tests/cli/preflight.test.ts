// Everything that can stop a run is checked before the first synthesis request: each
// mistake ends in one line and a non-zero exit, and the fake Polly server (or the
// segment cache, for the local voice) proves that nothing was spoken or billed.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/book.js';
import { runCli, type CliRun } from '../support/cli.js';
import { pathWithout, pollyEnv } from '../support/cli-env.js';
import { FakePolly } from '../support/fake-polly.js';

let fake: FakePolly | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const STORY = '# Harbour Lights\n\n## One\n\nThe lamps came on at dusk. The boats were home.\n';
const WITH_COVER = `---\ncover: cover.jpg\n---\n${STORY}`;
const FEED = ['--feed', '--base-url', 'https://example.org/pod/'];
const POLLY_VOICES = { voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'neural' } } } };

interface Case {
  name: string;
  args?: string[];
  script?: string;
  files?: Record<string, string>;
  folders?: string[];
  env?: (dir: string) => Promise<NodeJS.ProcessEnv> | NodeJS.ProcessEnv;
  message: RegExp;
}

const CASES: Case[] = [
  { name: 'feed.json that is not JSON', args: FEED, files: { 'feed.json': '{ "link": \n' }, message: /^narrate: .*feed\.json: is not valid JSON .*Fix the JSON syntax$/ },
  { name: 'feed.json with a key it does not know', args: FEED, files: { 'feed.json': '{"owner":"Ada"}' }, message: /^narrate: .*feed\.json: .*Fix feed\.json \(allowed keys/ },
  { name: 'a cover that is not an image', script: WITH_COVER, files: { 'cover.jpg': 'not a picture\n' }, message: /^narrate: .*story\.md: cover .*cover\.jpg is not an image ffprobe can read\. Use a JPEG or PNG file$/ },
  { name: 'a cover that is missing', script: WITH_COVER, message: /^narrate: .*story\.md: cover image .*cover\.jpg cannot be read/ },
  { name: 'a --base-url that is not http(s)', args: ['--feed', '--base-url', 'ftp://example.org/pod/'], message: /^narrate: --base-url "ftp:\/\/example\.org\/pod\/" must be an http\(s\) address/ },
  { name: 'ffmpeg missing', env: () => ({ FFMPEG_PATH: '/nonexistent/ffmpeg' }), message: /^narrate: ffmpeg not found \(tried "\/nonexistent\/ffmpeg"\)\. Install it/ },
  { name: 'ffprobe missing, with --feed', args: FEED, env: async () => ({ PATH: await pathWithout(['ffprobe']) }), message: /^narrate: ffprobe not found \(tried "ffprobe"\)\. It comes with ffmpeg/ },
  { name: '-o naming a file', args: ['-o', 'taken'], files: { taken: 'a file\n' }, message: /^narrate: --out "taken" is a file, not a folder\. Choose another output folder with --out$/ },
  { name: '--cache naming a file', args: ['--cache', 'taken'], files: { taken: 'a file\n' }, message: /^narrate: --cache "taken" is a file, not a folder\. .*--no-cache$/ },
  { name: '--cache inside a file', args: ['--cache', 'taken/cache'], files: { taken: 'a file\n' }, message: /^narrate: --cache "taken\/cache" cannot be written: .*taken is a file, not a folder/ },
  { name: 'a temporary folder that does not exist', env: (dir) => ({ TMPDIR: join(dir, 'no-such-tmp') }), message: /^narrate: the temporary folder .*no-such-tmp cannot be used \(ENOENT\)\. Set TMPDIR/ },
  { name: 'a temporary folder that is a file', files: { 'tmp-file': 'x' }, env: (dir) => ({ TMPDIR: join(dir, 'tmp-file') }), message: /^narrate: the temporary folder .*tmp-file cannot be used \(ENOTDIR\)/ },
  { name: 'an unknown Polly voice', files: { 'voices.json': JSON.stringify({ voices: { narrator: { polly: { VoiceId: 'Nobody' } } } }) }, message: /^narrate: .*Nobody/ },
  { name: 'a lexicon that is not PLS', files: { 'lexicon.pls': '<lexicon><lexeme>\n' }, message: /^narrate: .*lexicon\.pls/ },
];

async function project(c: Case): Promise<string> {
  const dir = await tempDir('narrate-preflight-');
  await writeFile(join(dir, 'story.md'), c.script ?? STORY);
  await writeFile(join(dir, 'voices.json'), JSON.stringify(POLLY_VOICES));
  for (const [name, text] of Object.entries(c.files ?? {})) await writeFile(join(dir, name), text);
  for (const folder of c.folders ?? []) await mkdir(join(dir, folder));
  return dir;
}

function expectOneLine(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

async function cacheEntries(dir: string): Promise<string[]> {
  const shards = await readdir(dir).catch(() => [] as string[]);
  return (await Promise.all(shards.map((s) => readdir(join(dir, s)).catch(() => [] as string[])))).flat();
}

describe('checked before anything is spent', () => {
  it.each(CASES)('$name: one line, and Polly is never asked to speak', async (c) => {
    fake = await FakePolly.start('1.1');
    const dir = await project(c);
    const run = await runCli(['story.md', '--provider', 'polly', ...(c.args ?? [])], { cwd: dir, env: { ...pollyEnv(fake.url), ...(await c.env?.(dir)) } });
    expectOneLine(run, c.message);
    expect(fake.speechRequests()).toEqual([]);
    expect(await readdir(join(dir, 'output')).catch(() => [])).toEqual([]);
  });

  it('the cases above fail only for their mistake: the same project without it narrates', async () => {
    fake = await FakePolly.start('1.1');
    const dir = await project({ name: 'good', script: WITH_COVER, message: /./ });
    const { execFile } = await import('node:child_process');
    await new Promise((resolve, reject) =>
      execFile('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=navy:s=1400x1400', '-frames:v', '1', join(dir, 'cover.jpg')], (e) => (e ? reject(e) : resolve(undefined))),
    );
    await writeFile(join(dir, 'feed.json'), '{"owner_name":"Ada"}');
    const run = await runCli(['story.md', '--provider', 'polly', '--format', 'mp3', ...FEED], { cwd: dir, env: pollyEnv(fake.url) });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.speechRequests().length).toBeGreaterThan(0);
  });

  it('an eSpeak NG voice name the engine does not have stops the local voice before it speaks', async () => {
    const dir = await tempDir('narrate-preflight-');
    await writeFile(join(dir, 'story.md'), STORY);
    await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { local: { voice: 'en-klingon' } } } }));
    const run = await runCli(['story.md'], { cwd: dir });
    expectOneLine(run, /^narrate: voice "narrator": eSpeak NG has no voice "en-klingon"\. Pick one from "npx narrate voices --provider local"$/);
    expect(await cacheEntries(join(dir, 'output', '.cache'))).toEqual([]);
  });

  it('a bad feed.json stops the local voice before it speaks', async () => {
    const dir = await tempDir('narrate-preflight-');
    await writeFile(join(dir, 'story.md'), STORY);
    await writeFile(join(dir, 'feed.json'), '[1, 2');
    const run = await runCli(['story.md', ...FEED], { cwd: dir });
    expectOneLine(run, /^narrate: .*feed\.json: is not valid JSON/);
    expect(await readdir(dir)).toEqual(['feed.json', 'story.md']);
  });

  it('--dry-run reports what a run would stop on', async () => {
    const dir = await tempDir('narrate-preflight-');
    await writeFile(join(dir, 'story.md'), STORY);
    await writeFile(join(dir, 'output'), 'a file\n');
    const run = await runCli(['story.md', '--dry-run'], { cwd: dir });
    expectOneLine(run, /^narrate: --out "output" is a file, not a folder/);
  });
});
