// The SSML the local voice receives for some tokens: the real renderer with the local
// provider's capabilities, for `narrate say` and for tests that check what eSpeak NG hears.
import { LOCAL_CAPABILITIES } from '../providers/local/index.js';
import { renderSegmentSsml } from '../ssml/render.js';
import type { SpokenToken } from '../types.js';

export function renderLocalSsml(tokens: SpokenToken[]): string {
  return renderSegmentSsml([{ sentenceId: 'say', tokens, firstTokenIndex: 0 }], 0, LOCAL_CAPABILITIES, () => {}).ssml;
}
