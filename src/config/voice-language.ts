// The book's language picks the voice's language. With the built-in cast (no
// voices.json) the local narrator switches to eSpeak NG's voice for the book's
// language; a cast the user wrote is kept, with a warning where its language differs.
import type { VoiceCast, VoiceProfile } from './voices.js';

export interface LocalVoiceInfo {
  /** Last part of eSpeak NG's identifier, e.g. "fr" for "roa/fr": the name voices.json uses. */
  name: string;
  /** Lower-case language tags, the voice's own first. */
  languages: string[];
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/** eSpeak NG's voice for a BCP 47 tag: the exact tag first, then its primary language. */
export function localVoiceFor(language: string, voices: LocalVoiceInfo[]): string | undefined {
  const tag = language.toLowerCase();
  return (
    voices.find((v) => v.languages[0] === tag)?.name ??
    voices.find((v) => v.languages.includes(tag))?.name ??
    voices.find((v) => v.languages[0] === primary(tag))?.name ??
    voices.find((v) => v.languages.includes(primary(tag)))?.name
  );
}

export async function castForLanguage(
  cast: VoiceCast,
  language: string,
  provider: string,
  listLocalVoices: () => Promise<LocalVoiceInfo[]>,
  warn: (message: string) => void,
  inform: (message: string) => void = () => {},
): Promise<VoiceCast> {
  const want = primary(language);
  if (provider === 'polly') {
    for (const v of cast.voices.values()) {
      const code = v.polly?.LanguageCode;
      if (code && primary(code) !== want) warn(`the book is in ${language}, but voice "${v.name}" speaks ${code} on Polly. Cast a ${language} voice in ${cast.file} (see "narrate voices --provider polly --language ${language}")`);
    }
    return cast;
  }
  if (provider !== 'local') return cast;
  const mismatched = [...cast.voices.values()].filter((v) => primary(v.local.voice) !== want);
  if (mismatched.length === 0) return cast;
  if (cast.file !== '(built-in)') {
    for (const v of mismatched) warn(`the book is in ${language}, but voice "${v.name}" uses eSpeak NG's "${v.local.voice}". Cast a ${language} voice in ${cast.file} (see "narrate voices --language ${want}")`);
    return cast;
  }
  const found = localVoiceFor(language, await listLocalVoices());
  if (!found) {
    warn(`eSpeak NG has no voice for the book's language ${language}; reading with "${mismatched[0]!.local.voice}"`);
    return cast;
  }
  inform(`the book is in ${language}: reading with eSpeak NG's "${found}" voice (cast another in voices.json)`);
  const voices = new Map<string, VoiceProfile>();
  for (const [name, v] of cast.voices) voices.set(name, mismatched.includes(v) ? { ...v, local: { ...v.local, voice: found } } : v);
  return { ...cast, voices };
}
