import { readFileSync } from 'node:fs';
import { cleanupScript, formatDroppedLines } from '/work/wt-speechtext/src/cleanup/index.js';
const f = process.argv[2]!; const r = cleanupScript(readFileSync(f,'utf8'), f);
console.log(formatDroppedLines(r.dropped, r.inlineRemovals)); console.log('---'); for (const l of r.lines) console.log(l.line, l.text);
