// How stages tell the user what is happening, without knowing about terminals.
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** A bar for a long step; `update` may be called often. */
  progress(label: string, total: number): { update(done: number, detail?: string): void; stop(): void };
}

export const silentReporter: Reporter = {
  info: () => {},
  warn: () => {},
  progress: () => ({ update: () => {}, stop: () => {} }),
};
