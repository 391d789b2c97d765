import { espeakPhonemes, espeakSynthesize } from '/work/wt-speechtext/src/providers/local/espeak.js';
import { ipaToEspeak } from '/work/wt-speechtext/src/lexicon/ipa-to-espeak.js';
const s = { voice: 'en-us', rate: 165, pitch: 50 };
const heard = async (t: string) => (await espeakSynthesize(t, s)).events.filter(e=>e.type==='phoneme').map(e=>String(e.id).trim()).filter(Boolean).join(' ');
let bad=0;
for (const w of process.argv.slice(2)) {
  const ipa = (await espeakPhonemes(w, s)).replace(/_/g, '');
  let kb=''; try { kb = ipaToEspeak(ipa); } catch(e) { console.log(w, ipa, 'ERR', (e as Error).message); bad++; continue; }
  const a = await heard(w), b = await heard(`[[${kb}]]`);
  if (a!==b) { bad++; console.log('MISMATCH', w, ipa, kb, '|', a, '|', b); }
}
console.log('bad', bad);
