import { espeakSynthesize } from '/work/wt-speechtext/src/providers/local/espeak.js';
const s = { voice: 'en-us', rate: 165, pitch: 50 };
for (const t of process.argv.slice(2)) { const o = await espeakSynthesize(t, s); console.log(JSON.stringify(t), '=>', o.events.filter(e=>e.type==='phoneme').map(e=>e.id).join(' '), o.pcm.length); }
