// Stopping a run on SIGINT or SIGTERM. The first signal aborts the run's AbortSignal:
// every stage stops at its next check, child processes are killed and awaited, and
// temporary files are removed on the way out. A second signal cannot wait for that:
// everything still registered here (temporary files and folders, child processes) is
// removed or killed synchronously before the process exits.
import { rmSync } from 'node:fs';
import { constants } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { NarrateError } from '../errors.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The abort reason narrate's CLI gives its AbortController. */
export class Interruption extends Error {
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.name = 'Interruption';
  }
}

/** 128 + the signal's number, as shells report a process a signal stopped: 130, 143. */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/** The one error an aborted run ends with, whatever stage noticed the abort first. */
export function interruptedError(signal: AbortSignal, outcome: string): NarrateError {
  const reason: unknown = signal.reason;
  const stopSignal = reason instanceof Interruption ? reason.signal : 'SIGINT';
  return new NarrateError(`interrupted by ${stopSignal}: ${outcome}`, exitCodeFor(stopSignal));
}

const temporaries = new Set<string>();
const children = new Set<ChildProcess>();

/** Registers a temporary file or folder; call the returned function once it is gone or renamed. */
export function trackTemporary(path: string): () => void {
  temporaries.add(path);
  return () => forgetTemporary(path);
}

export function forgetTemporary(path: string): void {
  temporaries.delete(path);
}

/** Registers a child process until it exits, so a second signal can kill it. */
export function trackChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** For a second signal: kills every child and removes every temporary path, synchronously. */
export function releaseAllNow(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const path of temporaries) rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  temporaries.clear();
}
