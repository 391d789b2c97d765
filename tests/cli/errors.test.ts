// Failures a user can cause, through the installed narrate: one line saying what went
// wrong, where and how to fix it, a non-zero exit, and never a stack trace.
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/book.js';
import { collect, runCli, type CliRun } from '../support/cli.js';
import { installedCopyWithout, pollyEnv } from '../support/cli-env.js';

const STORY = '# Harbour Lights\n\n## One\n\nThe lamps came on at dusk.\n';

function expectOneLine(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack frames
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

describe('narrate say', () => {
  it('-o naming a folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'clips'));
    const run = await runCli(['say', 'Hello there.', '-o', 'clips'], { cwd: dir });
    expectOneLine(run, /^narrate: -o "clips" is a folder, not a file\. Give the WAV file to write, e\.g\. -o output\/say\.wav$/);
    expect(await readdir(join(dir, 'clips'))).toEqual([]);
  });

  it('-o inside a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes'), 'a file\n');
    const run = await runCli(['say', 'Hello there.', '-o', 'notes/hello.wav'], { cwd: dir });
    expectOneLine(run, /^narrate: -o "notes\/hello\.wav" cannot be written: .*notes is a file, not a folder/);
  });

  it('a voice eSpeak NG does not have (the engine would silently use its default)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { local: { voice: 'en-klingon' } } } }));
    const run = await runCli(['say', 'Hello there.'], { cwd: dir });
    expectOneLine(run, /^narrate: voice "narrator": eSpeak NG has no voice "en-klingon"/);
    expect(await readdir(dir)).toEqual(['voices.json']);
  });
});

describe('the local voice engine asked for by NARRATE_ESPEAK', () => {
  it('native, without the system library: one line, before anything is spoken', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const env = { NARRATE_ESPEAK: 'native', NARRATE_ESPEAK_LIBRARY: '/nonexistent/libespeak-ng.so.1' };
    const message = /^narrate: NARRATE_ESPEAK=native, but eSpeak NG's library cannot be used: \/nonexistent\/libespeak-ng\.so\.1 did not load .*Install the apt package espeak-ng/;
    expectOneLine(await runCli(['story.md'], { cwd: dir, env }), message);
    expectOneLine(await runCli(['voices'], { cwd: dir, env }), message);
    expect(await readdir(dir)).toEqual(['story.md']);
  });

  it('an engine that does not exist: one line naming the choices', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    expectOneLine(await runCli(['story.md'], { cwd: dir, env: { NARRATE_ESPEAK: 'fast' } }), /^narrate: NARRATE_ESPEAK is "fast": use native \(the system library\), wasm \(the WebAssembly build\) or leave it unset$/);
  });
});

describe('a narrate installed without one of its engines', () => {
  let withoutEspeak: string;
  let withoutAws: string;
  beforeAll(async () => {
    [withoutEspeak, withoutAws] = await Promise.all([installedCopyWithout(['@echogarden']), installedCopyWithout(['@aws-sdk'])]);
  });
  const run = (cli: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) =>
    collect(spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  const ESPEAK_MISSING = /^narrate: eSpeak NG, the local voice, is not installed \(npm package @echogarden\/espeak-ng-emscripten is missing\)\. Reinstall narrate/;
  // The WebAssembly build is the engine when the system library is absent, or asked for.
  const wasm = { NARRATE_ESPEAK: 'wasm' };

  it('the local voice (WebAssembly build): a run says so in one line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    expectOneLine(await run(withoutEspeak, ['story.md'], dir, wasm), ESPEAK_MISSING);
  });

  it('the local voice (WebAssembly build): say and voices say so in one line', async () => {
    const dir = await tempDir();
    expectOneLine(await run(withoutEspeak, ['say', 'Hello.'], dir, wasm), ESPEAK_MISSING);
    expectOneLine(await run(withoutEspeak, ['voices'], dir, wasm), ESPEAK_MISSING);
  });

  it('the local voice: the system library speaks without the WebAssembly build', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const done = await run(withoutEspeak, ['story.md', '--format', 'mp3'], dir);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).not.toMatch(/warning|error/i);
  });

  it('the copy works otherwise: the mock voice narrates without eSpeak NG', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const done = await run(withoutEspeak, ['story.md', '--provider', 'mock', '--format', 'mp3'], dir);
    expect(done.code, done.stderr).toBe(0);
  });

  it('Amazon Polly: a run and the voice list say so in one line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    const env = pollyEnv('http://127.0.0.1:9');
    expectOneLine(await run(withoutAws, ['story.md', '--provider', 'polly'], dir, env), /^narrate: Amazon Polly support is not installed \(.*@aws-sdk\/client-polly.*\)\. Reinstall narrate/);
    expectOneLine(await run(withoutAws, ['voices', '--provider', 'polly'], dir, env), /^narrate: Amazon Polly support is not installed/);
  });
});

describe('Amazon Polly without credentials', () => {
  it('a run and the voice list say how to give them, in one line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'story.md'), STORY);
    await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { polly: { VoiceId: 'Joanna' } } } }));
    const env = { ...pollyEnv('http://127.0.0.1:9'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_SESSION_TOKEN: '' };
    const message = /^narrate: no AWS credentials found\. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE/;
    expectOneLine(await runCli(['story.md', '--provider', 'polly'], { cwd: dir, env }), message);
    expectOneLine(await runCli(['voices', '--provider', 'polly'], { cwd: dir, env }), message);
  });
});
