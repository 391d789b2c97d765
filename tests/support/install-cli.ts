// Vitest global set-up: builds narrate, packs it with `npm pack` and installs the
// tarball into a fresh prefix, as a user's `npm install -g` would. Every CLI test then
// runs that installed `narrate` bin, never src/ through tsx: a dependency that breaks
// in the bundle, or a file missing from the package, fails the tests as it would fail
// for users.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_PREFIX, installedBin } from './installed-cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
}

export default function setup(): void {
  // Reuse an install made from the same sources within this run of vitest (watch mode).
  rmSync(INSTALL_PREFIX, { recursive: true, force: true });
  mkdirSync(INSTALL_PREFIX, { recursive: true });
  // `npm pack` runs the package's "prepare" script, which builds dist/.
  npm(['pack', '--silent', '--pack-destination', INSTALL_PREFIX], ROOT);
  const tarball = readdirSync(INSTALL_PREFIX).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  // Dependencies come from npm's cache when `npm ci` has filled it.
  npm(['install', '--global', '--prefix', INSTALL_PREFIX, '--prefer-offline', '--no-audit', '--no-fund', join(INSTALL_PREFIX, tarball)], ROOT);
  if (!existsSync(installedBin())) throw new Error(`the packed narrate has no bin at ${installedBin()}`);
}
