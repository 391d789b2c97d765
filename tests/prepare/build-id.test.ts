// The prepared-text cache keys on the build: the sources (run directly here, with no build
// id) never use it unless given one, and another build's entries are not reused.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBook } from '../../src/prepare.js';
import type { Reporter } from '../../src/reporter.js';
import { tempDir, writeScript } from '../support/book.js';

const STORY = '# The Lamp\n\n## Dusk\n\nThe keeper lit the lamp at dusk, as his father had.\n';

async function prepare(dir: string, buildId: string | undefined): Promise<string[]> {
  const said: string[] = [];
  const reporter: Reporter = { info: (m) => said.push(m), warn: (m) => said.push(`warning: ${m}`), progress: () => ({ update: () => {}, stop: () => {} }) };
  const prepared = await prepareBook({ scriptPath: join(dir, 'lamp.md'), provider: 'mock', voicesPath: join(dir, 'none.json'), outRoot: join(dir, 'out'), buildId, reporter });
  // What a run does once it has succeeded.
  await prepared.savePrepared();
  return said;
}

describe('the prepared-text cache and the build', () => {
  it('is off without a build id, reused by the same build, missed by another', async () => {
    const dir = await tempDir();
    await writeScript(dir, 'lamp.md', STORY);
    await writeScript(dir, 'none.json', JSON.stringify({ voices: { narrator: {} } }));
    await prepare(dir, undefined);
    expect(existsSync(join(dir, 'out', '.cache', 'prepared'))).toBe(false);

    expect(await prepare(dir, 'build-one')).toEqual([]);
    expect(await prepare(dir, 'build-one')).toEqual(['text unchanged since the last run: its segments come from the cache']);
    expect(await prepare(dir, 'build-two')).toEqual([]);
    expect(await prepare(dir, 'build-two')).toEqual(['text unchanged since the last run: its segments come from the cache']);
  });
});
