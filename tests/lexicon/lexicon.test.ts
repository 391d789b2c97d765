import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_CAPABILITIES } from '../../src/providers/local/index.js';
import { engineCapabilities } from '../../src/providers/polly/engines.js';
import { NarrateError } from '../../src/errors.js';
import { findLexiconFile, ipaToEspeak, lookupEntry, parseLexicon, projectLexicon } from '../../src/lexicon/index.js';
import { spokenTokens, toSpokenBook } from '../../src/speech-text/index.js';
import { describePronunciation, heardPhonemes, renderLocalSsml } from '../../src/say.js';
import { espeakPhonemes } from '../../src/providers/local/espeak.js';
import type { BookDocument } from '../../src/types.js';

const VOICE = { voice: 'en-us', rate: 165, pitch: 50 };

function pls(lexemes: string, alphabet = 'ipa'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="${alphabet}" xml:lang="en-US">
${lexemes}
</lexicon>`;
}

const SAMPLE = pls(`  <lexeme>
    <grapheme>Nguyen</grapheme>
    <phoneme>wɪn</phoneme>
  </lexeme>
  <!-- a <lexeme> in a comment must not shift line numbers -->
  <lexeme>
    <grapheme>W3C</grapheme>
    <grapheme>w3c</grapheme>
    <alias>World Wide Web Consortium</alias>
  </lexeme>`);

describe('parseLexicon', () => {
  const lexicon = parseLexicon(SAMPLE, 'lexicon.pls');

  it('reads alias and phoneme entries with their lines', () => {
    expect(lexicon.alphabet).toBe('ipa');
    expect(lexicon.language).toBe('en-US');
    expect(lexicon.entries).toEqual([
      { graphemes: ['Nguyen'], phoneme: { ph: 'wɪn', alphabet: 'ipa' }, line: 3 },
      { graphemes: ['W3C', 'w3c'], alias: 'World Wide Web Consortium', line: 8 },
    ]);
    expect(lexicon.text).toBe(SAMPLE);
  });

  it('finds entries by spelling, then ignoring case', () => {
    expect(lookupEntry(lexicon, 'W3C')?.alias).toBe('World Wide Web Consortium');
    expect(lookupEntry(lexicon, 'NGUYEN')?.phoneme?.ph).toBe('wɪn');
    expect(lookupEntry(lexicon, 'Smith')).toBeUndefined();
  });

  it('names the file and line of malformed XML', () => {
    expect(() => parseLexicon(pls('  <lexeme>\n    <grapheme>A</grapheme>\n  </lexem>'), 'bad.pls')).toThrow(/^bad\.pls:5: not well-formed XML/);
  });

  it('names the lexeme that has neither alias nor phoneme', () => {
    const text = pls('  <lexeme><grapheme>Ok</grapheme><alias>okay</alias></lexeme>\n  <lexeme><grapheme>Bare</grapheme></lexeme>');
    expect(() => parseLexicon(text, 'x.pls')).toThrow(/^x\.pls:4: <lexeme> for "Bare" has no <alias> or <phoneme>/);
  });

  it('rejects an unknown alphabet and a file that is not PLS', () => {
    expect(() => parseLexicon(pls('', 'arpabet'), 'x.pls')).toThrow(NarrateError);
    expect(() => parseLexicon('<words><w>a</w></words>', 'x.pls')).toThrow(/^x\.pls:1: not a PLS lexicon/);
  });

  it('parses the sample lexicon shipped with the article', () => {
    const found = projectLexicon('script/article.txt', process.cwd());
    expect(found?.entries.map((e) => e.graphemes[0])).toEqual(['Millbrook', 'Moreno', 'Fenwick']);
  });
});

describe('findLexiconFile', () => {
  it('prefers the script folder, then the project root, then none', () => {
    const root = mkdtempSync(join(tmpdir(), 'narrate-lex-'));
    mkdirSync(join(root, 'stories'));
    expect(findLexiconFile('stories/a.md', root)).toBeUndefined();
    writeFileSync(join(root, 'lexicon.pls'), SAMPLE);
    expect(findLexiconFile('stories/a.md', root)).toBe(join(root, 'lexicon.pls'));
    writeFileSync(join(root, 'stories', 'lexicon.pls'), SAMPLE);
    expect(findLexiconFile('stories/a.md', root)).toBe(join(root, 'stories', 'lexicon.pls'));
    expect(() => findLexiconFile('stories/a.md', root, 'missing.pls')).toThrow(/--lexicon missing\.pls: no such file/);
  });
});

const ONE_CHAPTER = { index: 0, title: 'One', titleLocation: { file: 'a.md', line: 1 }, voice: 'narrator', paragraphs: [] };

describe('applying the lexicon', () => {
  const lexicon = parseLexicon(SAMPLE, 'lexicon.pls');

  it('turns an alias into spoken words and a phoneme into a phoneme node', () => {
    const tokens = spokenTokens([{ kind: 'text', text: 'Mr. Nguyen joined the W3C.' }], { capabilities: engineCapabilities('neural'), lexicon });
    expect(tokens[1]!.speech).toEqual([{ kind: 'phoneme', text: 'Nguyen', alphabet: 'ipa', ph: 'wɪn' }]);
    expect(tokens[4]!.speech).toEqual([{ kind: 'text', text: 'World Wide Web Consortium.' }]);
  });

  it('applies an entry to its possessive', () => {
    const tokens = spokenTokens([{ kind: 'text', text: "Nguyen's W3C's" }], { capabilities: engineCapabilities('neural'), lexicon });
    expect(tokens[0]!.speech).toEqual([{ kind: 'phoneme', text: "Nguyen's", alphabet: 'ipa', ph: 'wɪnz' }]);
    expect(tokens[1]!.speech).toEqual([{ kind: 'text', text: "World Wide Web Consortium's" }]);
  });

  it('makes eSpeak NG say the entry, not the spelling', async () => {
    const tokens = spokenTokens([{ kind: 'text', text: 'Nguyen' }], { capabilities: LOCAL_CAPABILITIES, lexicon });
    const heard = await heardPhonemes(renderLocalSsml(tokens), VOICE);
    expect(heard).toBe('wˈɪn');
    expect(await heardPhonemes('Nguyen', VOICE)).not.toBe(heard);
  });

  it('stops the local voice on an IPA sound it cannot say, naming the entry', () => {
    const odd = parseLexicon(pls('  <lexeme><grapheme>Rouge</grapheme><phoneme>ʀuʒ</phoneme></lexeme>'), 'odd.pls');
    const doc: BookDocument = { meta: { title: 'T', language: 'en-US', slug: 't' }, chapters: [ONE_CHAPTER], sourceFile: 'a.md' };
    expect(() => toSpokenBook(doc, { capabilitiesFor: () => LOCAL_CAPABILITIES, lexicon: odd })).toThrow(/^odd\.pls:3: the IPA sound "ʀ"/);
  });

  it('stops the local voice on X-SAMPA entries it cannot read', () => {
    const sampa = parseLexicon(pls('  <lexeme><grapheme>Nguyen</grapheme><phoneme>wIn</phoneme></lexeme>', 'x-sampa'), 's.pls');
    const doc: BookDocument = { meta: { title: 'T', language: 'en-US', slug: 't' }, chapters: [ONE_CHAPTER], sourceFile: 'a.md' };
    expect(() => toSpokenBook(doc, { capabilitiesFor: () => LOCAL_CAPABILITIES, lexicon: sampa })).toThrow(/^s\.pls:3: the local voice cannot read X-SAMPA/);
    expect(() => toSpokenBook(doc, { capabilitiesFor: () => engineCapabilities('neural'), lexicon: sampa })).not.toThrow();
  });
});

describe('ipaToEspeak', () => {
  // Words whose IPA eSpeak NG itself produces; speaking the converted mnemonics must give it back.
  const WORDS = ['car', 'more', 'there', 'poor', 'fire', 'little', 'button', 'nation', 'church', 'judge', 'thing', 'measure', 'father', 'about', 'caught', 'bird', 'boy', 'cow', 'foot', 'orange', 'sorry', 'tourist'];
  for (const word of WORDS) {
    it(`round-trips "${word}" through eSpeak NG`, async () => {
      const ipa = (await espeakPhonemes(word, VOICE)).replace(/_/g, '');
      const converted = await heardPhonemes(`<speak>[[${ipaToEspeak(ipa)}]] </speak>`, VOICE);
      expect(converted).toBe(await heardPhonemes(word, VOICE));
    });
  }

  it('says which sound it cannot convert', () => {
    expect(() => ipaToEspeak('ʀuʒ', 'lexicon.pls:7')).toThrow(/^lexicon\.pls:7: the IPA sound "ʀ"/);
  });
});

describe('describePronunciation', () => {
  it('shows the spoken words, the SSML and the phonemes heard', async () => {
    const lexicon = parseLexicon(SAMPLE, 'lexicon.pls');
    const result = await describePronunciation('Dr. Nguyen', { lexicon, voice: VOICE });
    expect(result.spokenText).toBe('doctor /wɪn/');
    expect(result.ssml).toBe("<speak><s>doctor [['wIn]] </s></speak>");
    expect(result.phonemes).toBe('dˈɑːktɚ wˈɪn');
  });
});
