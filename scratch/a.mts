import { readFileSync } from 'node:fs';
import { cleanupScript } from '/work/wt-speechtext/src/cleanup/index.js';
import { spokenTokens } from '/work/wt-speechtext/src/speech-text/index.js';
import { spokenText } from '/work/wt-speechtext/src/speech-text/describe.js';
const f = process.argv[2]!; const r = cleanupScript(readFileSync(f,'utf8'), f);
for (const l of r.lines) if (l.text) console.log(spokenText(spokenTokens([{kind:'text', text:l.text}], {provider: process.argv[3] ?? 'local'})), '\n');
