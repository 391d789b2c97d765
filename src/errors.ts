// A NarrateError is a mistake the user can fix: the CLI prints its message as one
// line and exits non-zero. Anything else is a bug and keeps its stack.
export class NarrateError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'NarrateError';
  }
}

/** "file: what went wrong. how to fix it" */
export function fileError(file: string, where: string | undefined, what: string, fix?: string): NarrateError {
  const place = where ? `${file}:${where}` : file;
  return new NarrateError(`${place}: ${what}${fix ? `. ${fix}` : ''}`);
}
