// Which eSpeak NG engine the installed narrate speaks with: the system library when it
// loads, its WebAssembly build otherwise (or when NARRATE_ESPEAK=wasm asks for it). The
// choice shows in `voices`, `--dry-run` and manifest.json, and is part of every segment's
// cache key, so switching engines speaks again instead of reusing the other's audio.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/book.js';
import { runCli, type CliRun } from '../support/cli.js';

const STORY = '# Harbour Lights\n\n## One\n\nThe lamps came on at dusk. Zoë counted the boats.\n\n## Two\n\nBy morning the café was full.\n';
const NATIVE = /eSpeak NG [\d.]+ \(system library libespeak-ng\.so\.1\)/;
const WASM = /eSpeak NG \(WebAssembly build, npm package @echogarden\/espeak-ng-emscripten [\d.]+\)/;
const NO_LIBRARY = { NARRATE_ESPEAK_LIBRARY: '/nonexistent/libespeak-ng.so.1' };

function ok(run: CliRun): CliRun {
  expect(run.code, run.stderr).toBe(0);
  return run;
}

async function manifestEngine(dir: string): Promise<string> {
  return (JSON.parse(await readFile(join(dir, 'out', 'harbour-lights', 'manifest.json'), 'utf8')) as { engine: string }).engine;
}

describe('the local voice engine', () => {
  it('is the system library by default, as voices, --dry-run and the manifest say', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    expect(ok(await runCli(['voices'], { cwd: dir })).stdout.split('\n')[0]).toMatch(NATIVE);
    expect(ok(await runCli(['story.md', '-o', 'out', '--dry-run'], { cwd: dir })).stdout).toMatch(new RegExp(`^speech engine: ${NATIVE.source}$`, 'm'));
    ok(await runCli(['story.md', '-o', 'out', '--format', 'mp3'], { cwd: dir }));
    expect(await manifestEngine(dir)).toMatch(NATIVE);
  });

  it('NARRATE_ESPEAK=wasm narrates with the WebAssembly build, speaking again what the library spoke', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const wasm = { NARRATE_ESPEAK: 'wasm' };
    ok(await runCli(['story.md', '-o', 'out', '--format', 'mp3'], { cwd: dir }));
    // Same cache, the other engine: nothing of the library's audio counts as cached.
    expect(ok(await runCli(['story.md', '-o', 'out', '--dry-run'], { cwd: dir, env: wasm })).stdout).toMatch(/^segments: (\d+) \(0 already cached\)$/m);
    const run = ok(await runCli(['story.md', '-o', 'out', '--format', 'mp3'], { cwd: dir, env: wasm }));
    expect(run.stderr).toMatch(/^\d+ segments synthesized, 0 from cache$/m);
    expect(run.stderr).not.toMatch(/warning/);
    expect(await manifestEngine(dir)).toMatch(WASM);
    const captions = await readFile(join(dir, 'out', 'harbour-lights', 'captions.vtt'), 'utf8');
    expect(captions).toContain('Zoë counted the boats.');
    // And back: the library's segments are still in the cache.
    expect(ok(await runCli(['story.md', '-o', 'out', '--dry-run'], { cwd: dir })).stdout).toMatch(/^segments: (\d+) \(\1 already cached\)$/m);
  });

  it('without the library, falls back to the WebAssembly build and says so', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const voices = ok(await runCli(['voices'], { cwd: dir, env: NO_LIBRARY }));
    expect(voices.stdout.split('\n')[0]).toMatch(WASM);
    const run = ok(await runCli(['story.md', '-o', 'out', '--format', 'mp3'], { cwd: dir, env: NO_LIBRARY }));
    for (const r of [voices, run]) {
      expect(r.stderr.split('\n').filter((l) => l.startsWith('warning:')), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^warning: eSpeak NG's system library is not used: \/nonexistent\/libespeak-ng\.so\.1 did not load .*install the apt package espeak-ng/);
    }
    expect(await manifestEngine(dir)).toMatch(WASM);
  });
});
