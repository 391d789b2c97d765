import { spokenTokens, describePronunciation } from '/work/wt-speechtext/src/speech-text/index.js';
import { spokenText } from '/work/wt-speechtext/src/speech-text/describe.js';
const v = { voice: 'en-us', rate: 165, pitch: 50 };
for (const t of process.argv.slice(2)) { const d = await describePronunciation(t, { voice: v }); console.log(t, '\n   =>', d.spokenText, '\n   ', d.ssml, '\n   ', d.phonemes); }
