// The stored form of segments (src/segments/packed.ts) gives back exactly what was packed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAUSES } from '../../src/config/voices.js';
import type { ProviderCapabilities } from '../../src/providers/provider.js';
import { buildSegments } from '../../src/segments/index.js';
import { packSegments, unpackSegments } from '../../src/segments/packed.js';
import { toSpokenBook } from '../../src/speech-text/index.js';
import { parseMarkdown } from '../support/book.js';

const CAPS: ProviderCapabilities = {
  maxRequestChars: 300,
  maxBilledChars: 200,
  ssmlTags: new Set(['break', 's', 'say-as', 'sub', 'emphasis']),
  wordMarks: true,
  sentenceMarks: true,
  concurrency: 1,
  letterSpelling: 'say-as',
  readsPluralInitialisms: true,
};

const STORY = `# The Ferry

## Crossing

The ferry left at 7:45 on 3 May 2026 — late, as ever. Fares rose by 5% to $12.50; the FBI said nothing.

“Ahoy!” called Mrs. Dunne 🚢, and the gulls answered. ${'The long wake ran out behind the boat and spread across the harbour. '.repeat(6)}

## Landing

Ashore at last.
`;

describe('packed segments', () => {
  it('unpack(pack(segments)) is the segments, keys in the same order', () => {
    const segments = buildSegments(toSpokenBook(parseMarkdown(STORY), { capabilitiesFor: () => CAPS }), { pauses: DEFAULT_PAUSES, capabilitiesFor: () => CAPS, onDroppedTag: () => {} });
    // Long enough to split a paragraph, so spans of one sentence sit in more than one segment.
    expect(segments.length).toBeGreaterThan(5);
    const back = unpackSegments(packSegments(segments));
    expect(back).toEqual(segments);
    expect(JSON.stringify(back)).toBe(JSON.stringify(segments));
  });
});
