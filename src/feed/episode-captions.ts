// Per-episode captions and transcript from the captions stage, built on the
// episode's own clock so a cue at 0:05 is heard 5 s into the episode's MP3.
import { buildCaptionFiles } from '../captions/index.js';
import type { EpisodeCaptionBuilder } from './episode-files.js';

/** `voiceLabels`: voice name → name shown in <v> spans (voices.json labels); names are used where missing. */
export function captionsStageBuilder(voiceLabels: ReadonlyMap<string, string> = new Map()): EpisodeCaptionBuilder {
  return (timeline, book, audioFileName) => {
    const files = buildCaptionFiles(timeline, book, { voiceLabels, srt: false, audioFileName });
    const content = (name: string) => files.find((f) => f.name === name)!.content;
    return { vtt: content('captions.vtt'), html: content('transcript.html') };
  };
}
