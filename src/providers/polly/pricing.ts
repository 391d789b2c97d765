// The one Polly price table, and the cost checks behind --dry-run and --max-cost.
// Polly bills speech-mark requests like audio requests, so engines that report marks
// are billed twice for every character: once for the audio, once for the marks.
import { NarrateError } from '../../errors.js';
import { engineHasMarks, asEngine, POLLY_ENGINES, type PollyEngine } from './engines.js';

/** USD per million billed characters, before any free tier (aws.amazon.com/polly/pricing). */
export const POLLY_USD_PER_MILLION_CHARS: Readonly<Record<PollyEngine, number>> = {
  standard: 4,
  neural: 16,
  'long-form': 100,
  generative: 30,
};

export interface PollyCostLine {
  engine: PollyEngine;
  /** Characters of text to synthesize (tags excluded, cache hits excluded). */
  textChars: number;
  /** Requests per segment: audio, plus speech marks where the engine has them. */
  requestsPerSegment: number;
  /** What Polly will bill: textChars × requestsPerSegment. */
  billedChars: number;
  usd: number;
}

/** One line per engine, in a fixed order; engines with no characters are left out. */
export function estimatePollyCost(items: Array<{ engine: string; billedChars: number }>): PollyCostLine[] {
  const textByEngine = new Map<PollyEngine, number>();
  for (const item of items) {
    const engine = asEngine(item.engine);
    textByEngine.set(engine, (textByEngine.get(engine) ?? 0) + item.billedChars);
  }
  return POLLY_ENGINES.filter((e) => (textByEngine.get(e) ?? 0) > 0).map((engine) => {
    const textChars = textByEngine.get(engine)!;
    const requestsPerSegment = engineHasMarks(engine) ? 2 : 1;
    const billedChars = textChars * requestsPerSegment;
    return { engine, textChars, requestsPerSegment, billedChars, usd: (billedChars / 1e6) * POLLY_USD_PER_MILLION_CHARS[engine] };
  });
}

export function totalUsd(lines: PollyCostLine[]): number {
  return lines.reduce((sum, l) => sum + l.usd, 0);
}

export function formatUsd(usd: number): string {
  return usd > 0 && usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** The --dry-run lines: one per engine, then the total. */
export function formatCostLines(lines: PollyCostLine[]): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const out = lines.map((l) => {
    const billed = l.requestsPerSegment > 1 ? `${n(l.textChars)} chars × ${l.requestsPerSegment} requests (audio + speech marks) = ${n(l.billedChars)}` : n(l.billedChars);
    return `polly ${l.engine}: ${billed} billed characters at $${POLLY_USD_PER_MILLION_CHARS[l.engine]}/M ≈ ${formatUsd(l.usd)}`;
  });
  out.push(`polly total ≈ ${formatUsd(totalUsd(lines))} (before any free tier; cache hits excluded)`);
  return out;
}

/** Refuses to start a run estimated above --max-cost. */
export function assertWithinMaxCost(lines: PollyCostLine[], maxUsd: number | undefined): void {
  if (maxUsd === undefined) return;
  const total = totalUsd(lines);
  if (total > maxUsd) {
    throw new NarrateError(
      `estimated cost ${formatUsd(total)} exceeds --max-cost ${formatUsd(maxUsd)}. Raise --max-cost, choose a cheaper engine in voices.json, or run --dry-run to see the estimate per engine`,
    );
  }
}

/** Parses the --max-cost value. */
export function parseMaxCost(value: string): number {
  const usd = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(usd) || usd < 0) throw new NarrateError(`--max-cost "${value}" is not an amount in USD. Give a number such as 2.50`);
  return usd;
}
