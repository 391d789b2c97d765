// Where the test run's installed narrate lives (see install-cli.ts, the global set-up).
import { join } from 'node:path';

export const INSTALL_PREFIX = new URL('../../node_modules/.narrate-installed', import.meta.url).pathname;

/** The `narrate` command as npm installed it from the packed tarball. */
export function installedBin(): string {
  return join(INSTALL_PREFIX, 'bin', 'narrate');
}
