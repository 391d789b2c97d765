import { espeakPhonemes } from '/work/wt-speechtext/src/providers/local/espeak.js';
const s = { voice: 'en-us', rate: 165, pitch: 50 };
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), '=>', await espeakPhonemes(t, s));
