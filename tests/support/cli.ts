// Runs narrate as users do: the `narrate` bin installed from the packed tarball (see
// install-cli.ts), as a process without a TTY.
import { spawn, type ChildProcess } from 'node:child_process';
import { installedBin } from './installed-cli.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run in a process group of its own, so a test can signal the whole group as a terminal would. */
  detached?: boolean;
}

/** Starts the installed narrate; the caller reads its streams and waits for it. */
export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  return spawn(installedBin(), args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
}

/** Waits for a started narrate and collects what it printed. */
export function collect(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return collect(spawnCli(args, options));
}
