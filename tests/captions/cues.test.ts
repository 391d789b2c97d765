import { describe, expect, it } from 'vitest';
import { buildCaptionFiles, buildCues } from '../../src/captions/index.js';
import { generatedChapters, spokenBook, synthesizeTimeline, type SyntheticChapter } from './synthetic-book.js';
import { readCaptions, readabilityProblems, timingProblems } from './checks.js';

const options = { voiceLabels: new Map([['narrator', 'Narrator'], ['keeper', 'The Keeper']]), srt: true, audioFileName: 'book.mp3' };

function captionsOf(chapters: SyntheticChapter[], language = 'en-US') {
  const book = spokenBook(chapters, { language });
  const timeline = synthesizeTimeline(book);
  const files = buildCaptionFiles(timeline, book, options);
  const vtt = files.find((f) => f.name === 'captions.vtt')!.content;
  return { book, timeline, vtt, cues: readCaptions(vtt, timeline) };
}

describe('caption cues on ordinary prose', () => {
  const { timeline, cues } = captionsOf(generatedChapters(3, 12));

  it('shows every word of the script once, in order', () => {
    expect(cues.flatMap((c) => c.words)).toEqual(timeline.tokens);
  });

  it('keeps every readability limit in every cue', () => {
    expect(readabilityProblems(cues, timeline)).toEqual([]);
  });

  it('times every cue against its own words', () => {
    expect(timingProblems(cues)).toEqual([]);
  });
});

describe('where cues and lines break', () => {
  it('breaks a long sentence after its comma rather than mid-phrase', () => {
    const sentence = 'The keeper climbed the narrow stairs of the old tower, and the lamp above him burned steadily through the storm.';
    const { cues } = captionsOf([{ title: 'One', paragraphs: [{ sentences: [sentence] }] }]);
    const body = cues.slice(1).map((c) => c.lines.join('\n'));
    expect(body.join('\n')).toContain('tower,\n');
  });

  it('puts a conjunction at the start of a line, not the end', () => {
    const sentence = 'The old keeper looked out across the water because the boats were late';
    const { cues } = captionsOf([{ title: 'One', paragraphs: [{ sentences: [sentence] }] }]);
    expect(cues[1]!.lines).toEqual(['The old keeper looked out across the water', 'because the boats were late']);
  });

  it('shows two very short sentences together but keeps longer ones apart', () => {
    const { cues } = captionsOf([{ title: 'One', paragraphs: [{ sentences: ['No.', 'Yes.', 'The boats came home late that night across the grey water.', 'Then silence.'] }] }]);
    const texts = cues.slice(1).map((c) => c.lines.join(' '));
    expect(texts[0]).toBe('No. Yes.');
    expect(texts).toContain('Then silence.');
  });
});

describe('several voices', () => {
  it('names the voice of every cue with a <v> span', () => {
    const { cues } = captionsOf([{ title: 'One', paragraphs: [{ sentences: ['The night was long.'] }, { voice: 'keeper', sentences: ['Light the lamp, boy.'] }] }]);
    expect(cues.map((c) => c.voices)).toEqual([['Narrator'], ['Narrator'], ['The Keeper']]);
  });

  it('leaves voices unnamed when only one voice speaks', () => {
    const { cues } = captionsOf(generatedChapters(1, 2));
    expect(cues.every((c) => c.voices.length === 0)).toBe(true);
  });
});

describe('cue times come from the words themselves', () => {
  it('starts each cue at its first word and ends it when its last word stops, held only into silence', () => {
    const book = spokenBook(generatedChapters(1, 6));
    const timeline = synthesizeTimeline(book);
    const cues = buildCues(timeline, 'en-US');
    const starts = new Set(timeline.tokens.map((t) => Math.round(t.startMs)));
    for (const [i, cue] of cues.entries()) {
      expect(starts.has(cue.startMs)).toBe(true);
      expect(cue.endMs).toBeGreaterThanOrEqual(Math.round(cue.speechEndMs));
      expect(cue.endMs).toBeLessThanOrEqual(Math.min(cues[i + 1]?.startMs ?? Infinity, Math.round(cue.speechEndMs) + 120));
    }
  });
});

describe('words the engine voiced together with the word before', () => {
  const sentence = 'Marguerite Hale quietly climbed every narrow winding stair and carefully lit the great brass lamp high overhead tonight.';
  const book = spokenBook([{ title: 'One', paragraphs: [{ sentences: [sentence, sentence] }] }]);
  const timeline = synthesizeTimeline(book);
  const firstWords = (t: typeof timeline) => buildCues(t, 'en-US').map((c) => c.lines[0]!.split(' ')[0]);

  it('does not start a cue on a word that has no time of its own', () => {
    expect(firstWords(timeline)).toContain('and');
    // As the audio stage times a word with no engine event: zero length, where the previous word stops.
    const untimed = { ...timeline, tokens: timeline.tokens.map((t, i, all) => (t.written === 'and' ? { ...t, startMs: all[i - 1]!.endMs, endMs: all[i - 1]!.endMs } : t)) };
    expect(firstWords(untimed)).not.toContain('and');
  });
});
