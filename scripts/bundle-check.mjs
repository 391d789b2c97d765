// The build's guard against shipping a crash: a bundled dependency that locates files
// through its own path would look for them in dist/, where they are not. Every package
// that does so must stay external (installed beside dist/ by npm) or be reviewed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FINDS_OWN_FILES = /__dirname|__filename|import\.meta\.url|require\.resolve|import\.meta\.resolve/;

/**
 * The bundled node_modules files (from esbuild's metafile) that mention a way of finding
 * their own path, except those under a reviewed prefix.
 * @param {{ inputs: Record<string, unknown> }} metafile
 * @param {Iterable<string>} reviewed path prefixes such as "node_modules/commander/"
 * @param {string} root the folder esbuild ran in
 */
export async function bundledFilesFindingOwnPath(metafile, reviewed, root = '.') {
  const prefixes = [...reviewed];
  const offenders = [];
  for (const input of Object.keys(metafile.inputs)) {
    if (!input.includes('node_modules/')) continue;
    if (prefixes.some((prefix) => input.startsWith(prefix))) continue;
    if (FINDS_OWN_FILES.test(await readFile(join(root, input), 'utf8'))) offenders.push(input);
  }
  return offenders;
}
