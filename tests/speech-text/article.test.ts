// The sample pasted article end to end: cleanup, then text for the ear, then eSpeak NG.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanupScript } from '../../src/cleanup/index.js';
import { LOCAL_CAPABILITIES } from '../../src/providers/local/index.js';
import { projectLexicon } from '../../src/lexicon/index.js';
import { spokenTokens } from '../../src/speech-text/index.js';
import { heardPhonemes, renderLocalSsml, spokenText } from '../../src/say.js';

const FILE = 'script/article.txt';
const VOICE = { voice: 'en-us', rate: 165, pitch: 50 };

describe('script/article.txt', () => {
  const cleaned = cleanupScript(readFileSync(FILE, 'utf8'), FILE);
  const lexicon = projectLexicon(FILE, process.cwd());
  const paragraphs = cleaned.lines.filter((l) => l.text !== '').map((l) => spokenTokens([{ kind: 'text', text: l.text }], { capabilities: LOCAL_CAPABILITIES, lexicon }));
  const spoken = paragraphs.map(spokenText).join('\n');

  it('loses its page furniture and keeps the story', () => {
    expect(cleaned.dropped.map((d) => d.rule)).toEqual(expect.arrayContaining(['ui-phrase', 'after-story', 'cookie-notice']));
    expect(cleaned.lines.some((l) => l.text.includes('Related') || l.text.includes('cookies'))).toBe(false);
    expect(paragraphs).toHaveLength(5);
  });

  it('leaves no digits, currency or percent signs for the engine to guess at', () => {
    expect(spoken).not.toMatch(/[0-9$£€%]/);
  });

  it('says dates, money and names as a narrator would', () => {
    for (const phrase of ['March second, twenty twenty-four', 'three point two million dollars', 'four thousand one hundred fifty dollar grant', 'the nineteen fifties', 'Elm street', 'saint Louis', 'Henry the eighth', 'World War Two', 'Chapter four', 'nine A.M to eight P.M']) {
      expect(spoken).toContain(phrase);
    }
  });

  it('is never heard as "one thousand nine hundred" from eSpeak NG', async () => {
    const heard = await Promise.all(paragraphs.map((tokens) => heardPhonemes(renderLocalSsml(tokens), VOICE)));
    const thousandNineHundred = await heardPhonemes('thousand nine hundred', VOICE);
    expect(heard.join(' ')).not.toContain(thousandNineHundred);
    expect(heard.join(' ')).toContain(await heardPhonemes('nineteen eleven', VOICE));
  });
});
