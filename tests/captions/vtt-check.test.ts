import { describe, expect, it } from 'vitest';
import { checkVtt, parseVtt } from '../../src/captions/vtt-check.js';

// The batched check must read a file exactly as one whole parse does: the same
// errors on the same lines of the file, and the same number of cues.
const whole = (text: string, mode: 'captions' | 'chapters') => {
  const parsed = parseVtt(text, mode);
  return { errors: parsed.errors.map((e) => ({ line: e.line, message: e.message })), cueCount: parsed.cues.length };
};

const cue = (start: string, end: string, text: string, id?: string) => `${id ? `${id}\n` : ''}${start} --> ${end}\n${text}`;

describe('checkVtt, a few blocks at a time', () => {
  const valid = ['WEBVTT', ...Array.from({ length: 9 }, (_, i) => cue(`00:00:0${i}.000`, `00:00:0${i}.900`, `Line ${i} &amp; more\nsecond line`))].join('\n\n') + '\n';

  it('counts every cue of a valid file and finds no error', () => {
    for (const size of [1, 2, 3, 500]) expect(checkVtt(valid, 'captions', size)).toEqual({ errors: [], cueCount: 9 });
  });

  it('reports a start going back across a batch boundary on the line of the file', () => {
    const text = ['WEBVTT', cue('00:00:05.000', '00:00:06.000', 'late'), 'NOTE a note\nof two lines', cue('00:00:01.000', '00:00:02.000', 'early'), cue('00:00:07.000', '00:00:08.000', 'fine')].join('\n\n') + '\n';
    const expected = whole(text, 'captions');
    expect(expected.errors.map((e) => e.line)).toEqual([9]);
    for (const size of [1, 2, 3, 500]) expect(checkVtt(text, 'captions', size)).toEqual(expected);
  });

  it('reports a STYLE block after a cue, broken timings and blank-line runs as the whole parse does', () => {
    const text = ['WEBVTT\nKind: captions', cue('00:00:01.000', '00:00:02.000', 'one', 'first'), 'STYLE\n::cue { color: red }', '\n' + cue('00:00:03.000', '00:00:0x.000', 'bad end'), cue('00:00:04.000', '00:00:04.500', 'after')].join('\n\n') + '\n';
    const expected = whole(text, 'captions');
    expect(expected.errors.length).toBeGreaterThan(1);
    for (const size of [1, 2, 3, 500]) expect(checkVtt(text, 'captions', size)).toEqual(expected);
  });

  it('reads Windows line ends and chapters files alike', () => {
    const text = ['WEBVTT', cue('00:00:00.000', '00:01:00.000', 'One', 'chapter-1'), cue('00:00:30.000', '00:02:00.000', 'Two', 'chapter-2')].join('\r\n\r\n') + '\r\n';
    const expected = whole(text, 'chapters');
    for (const size of [1, 2, 500]) expect(checkVtt(text, 'chapters', size)).toEqual(expected);
  });
});
