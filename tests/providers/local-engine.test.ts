// The local voice's two eSpeak NG engines: the system library (through koffi) and the
// WebAssembly build. Both must place every word mark on its word in the SSML, whatever
// the text holds: accented letters (two UTF-8 bytes), emoji (two UTF-16 units).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { closeEspeak, espeakEngine } from '../../src/providers/local/espeak.js';
import type { VoiceProfile } from '../../src/config/voices.js';

const VOICE: VoiceProfile = { name: 'narrator', label: 'Narrator', local: { voice: 'en-us', rate: 175, pitch: 50 }, mock: { msPerChar: 50 } };
const WORDS = ['Zoë', 'served', 'crème', 'brûlée', 'to', 'naïve', 'guests', 'in', 'Malmö', 'at', 'dusk'];
const SSML = '<speak><s>Zoë served crème brûlée 😀 to naïve guests</s><s>🌊 in Malmö at dusk.</s></speak>';

const saved = process.env.NARRATE_ESPEAK;
afterEach(async () => {
  await closeEspeak();
  if (saved === undefined) delete process.env.NARRATE_ESPEAK;
  else process.env.NARRATE_ESPEAK = saved;
});
afterAll(closeEspeak);

async function wordMarks(engine: 'native' | 'wasm') {
  process.env.NARRATE_ESPEAK = engine;
  expect(espeakEngine().kind).toBe(engine);
  const provider = createLocalProvider();
  const audio = await provider.synthesize({ segmentId: 't', ssml: SSML, voice: VOICE });
  await provider.close();
  return { audio, words: audio.marks.filter((m) => m.type === 'word').map((m) => ({ text: SSML.slice(m.start, m.end), ...m })) };
}

describe.each(['native', 'wasm'] as const)('eSpeak NG %s engine', (engine) => {
  it('puts each word mark on its word, after accents and emoji', async () => {
    const { audio, words } = await wordMarks(engine);
    expect(audio.sampleRate).toBe(22050);
    // Every written word has a mark that starts exactly at it and covers it.
    let from = 0;
    for (const word of WORDS) {
      const at = SSML.indexOf(word, from);
      const mark = words.find((w) => w.start === at);
      expect(mark, `${engine}: no word mark at "${word}"`).toBeDefined();
      expect(mark!.text).toBe(word);
      from = at + word.length;
    }
    // Marks run forward in time and stay inside the audio.
    const times = words.map((w) => w.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeLessThan((audio.pcm.length / audio.sampleRate) * 1000);
  });
});

it('the two engines have different cache versions', () => {
  process.env.NARRATE_ESPEAK = 'native';
  const native = createLocalProvider().engineVersion();
  process.env.NARRATE_ESPEAK = 'wasm';
  const wasm = createLocalProvider().engineVersion();
  expect(native).toMatch(/^libespeak-ng@\d/);
  expect(wasm).toMatch(/^espeak-ng-emscripten@\d/);
});
