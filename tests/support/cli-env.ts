// Environments for running the installed narrate as a user would: fake AWS credentials
// pointing at the fake Polly server, and a PATH without some tools.
import { mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fake credentials and the endpoint given only through AWS_ENDPOINT_URL_POLLY, as a user would. */
export function pollyEnv(url: string): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake/secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_POLLY: url,
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/**
 * A PATH of one folder holding links to every program on the current PATH but the
 * `hidden` ones, so narrate runs as on a machine where they are not installed.
 */
export async function pathWithout(hidden: string[]): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'narrate-path-'));
  const linked = new Set<string>();
  for (const folder of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (hidden.includes(name) || linked.has(name)) continue;
      linked.add(name);
      await symlink(join(folder, name), join(bin, name));
    }
  }
  return bin;
}

/**
 * A copy of the installed narrate whose own node_modules lacks `missing` (a package
 * name, or a scope such as "@aws-sdk"), as after a broken or partial install. The
 * other packages are links to the installed ones. Returns the copy's dist/cli.js.
 */
export async function installedCopyWithout(missing: string[]): Promise<string> {
  const { cp, mkdir } = await import('node:fs/promises');
  const { INSTALL_PREFIX } = await import('./installed-cli.js');
  const installed = join(INSTALL_PREFIX, 'lib', 'node_modules', 'narrate');
  const copy = join(await mkdtemp(join(tmpdir(), 'narrate-broken-')), 'narrate');
  await mkdir(join(copy, 'node_modules'), { recursive: true });
  await cp(join(installed, 'dist'), join(copy, 'dist'), { recursive: true });
  await cp(join(installed, 'package.json'), join(copy, 'package.json'));
  for (const name of await readdir(join(installed, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    if (!name.startsWith('@')) {
      if (!missing.includes(name)) await symlink(join(installed, 'node_modules', name), join(copy, 'node_modules', name));
      continue;
    }
    if (missing.includes(name)) continue;
    await mkdir(join(copy, 'node_modules', name));
    for (const inner of await readdir(join(installed, 'node_modules', name))) {
      if (!missing.includes(`${name}/${inner}`)) await symlink(join(installed, 'node_modules', name, inner), join(copy, 'node_modules', name, inner));
    }
  }
  return join(copy, 'dist', 'cli.js');
}
