// The CLI as a user runs it against a Polly-compatible endpoint: the price before
// spending, a refusal above --max-cost, and the voice list.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakePolly } from '../support/fake-polly.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/book.js';
import { pollyEnv } from '../support/cli-env.js';

let fake: FakePolly | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const env = pollyEnv;

async function project(): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'story.md'), '# Price Check\n\n## One\n\nThe tide came in at dawn. The boats went out.\n\n## Two\n\nBy noon the harbour was empty.\n');
  await writeFile(join(dir, 'voices.json'), JSON.stringify({ voices: { narrator: { polly: { VoiceId: 'Joanna', Engine: 'neural' } } } }));
  return dir;
}

describe('narrate --provider polly from the command line', () => {
  it('--dry-run prints billed characters and the price per engine, and calls nothing', async () => {
    fake = await FakePolly.start('1.1');
    const dir = await project();
    const run = await runCli(['story.md', '--provider', 'polly', '--dry-run'], { cwd: dir, env: env(fake.url) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/polly neural: [\d,]+ chars × 2 requests \(audio \+ speech marks\) = [\d,]+ billed characters at \$16\/M ≈ \$0\.\d+/);
    expect(run.stdout).toMatch(/polly total ≈ \$/);
    expect(fake.requests.filter((r) => r.path === '/v1/speech')).toEqual([]);
  });

  it('--max-cost refuses a run estimated above it before anything is billed', async () => {
    fake = await FakePolly.start('1.1');
    const dir = await project();
    const run = await runCli(['story.md', '--provider', 'polly', '--max-cost', '0.000001'], { cwd: dir, env: env(fake.url) });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^narrate: estimated cost \$0\.00 exceeds --max-cost \$0\.00/m);
    expect(fake.requests.filter((r) => r.path === '/v1/speech')).toEqual([]);
  });

  it('lists voices, filtered by language and engine', async () => {
    fake = await FakePolly.start('1.1');
    const run = await runCli(['voices', '--provider', 'polly', '--language', 'en-US', '--engine', 'neural'], { env: env(fake.url) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^VoiceId\s+Gender\s+Language\s+Engines/);
    expect(run.stdout).toContain('Joanna');
  });
});
