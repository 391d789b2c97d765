import type { z } from 'zod';
import { fileError, type NarrateError } from '../errors.js';

/** Turns the first zod issue into "file: at $.a.b: expected …" so the user can find it. */
export function zodFileError(file: string, error: z.ZodError, fix: string): NarrateError {
  const issue = error.issues[0]!;
  const path = '$' + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return fileError(file, undefined, `at ${path}: ${issue.message}`, fix);
}
