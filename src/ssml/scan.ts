// A small scanner over the SSML we generate ourselves (well-formed, no comments or
// CDATA), for engines that need to walk it: the mock provider, and offset maps.
export type SsmlPiece =
  | { kind: 'open'; name: string; attrs: Record<string, string>; start: number; end: number; selfClosing: boolean }
  | { kind: 'close'; name: string; start: number; end: number }
  | { kind: 'text'; text: string; start: number; end: number };

const PIECE = /<(\/?)([\w:-]+)((?:\s+[\w:-]+\s*=\s*(?:'[^']*'|"[^"]*"))*)\s*(\/?)>|[^<]+/g;
const ATTR = /([\w:-]+)\s*=\s*(?:'([^']*)'|"([^"]*)")/g;

export function scanSsml(ssml: string): SsmlPiece[] {
  const pieces: SsmlPiece[] = [];
  for (const m of ssml.matchAll(PIECE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[2] === undefined) pieces.push({ kind: 'text', text: m[0], start, end });
    else if (m[1]) pieces.push({ kind: 'close', name: m[2], start, end });
    else pieces.push({ kind: 'open', name: m[2], attrs: attributes(m[3] ?? ''), start, end, selfClosing: m[4] === '/' });
  }
  return pieces;
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}
