// The terminal face of a Reporter: progress bars on a TTY (cli-progress), plain
// lines elsewhere, nothing but warnings with --quiet.
import cliProgress from 'cli-progress';
import type { Reporter } from './reporter.js';

export function terminalReporter(quiet: boolean): Reporter {
  const tty = Boolean(process.stderr.isTTY) && !quiet;
  return {
    info: (m) => {
      if (!quiet) process.stderr.write(`${m}\n`);
    },
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    progress: (label, total) => {
      if (!tty) return { update: () => {}, stop: () => {} };
      const bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(9)} [{bar}] {value}/{total} {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
      return { update: (done, detail) => bar.update(done, { detail: detail ?? '' }), stop: () => bar.stop() };
    },
  };
}
