// Our one door to the W3C's webvtt-parser (a CommonJS module): a file is only
// written when the reference parser reads it back without a single error.
import { createRequire } from 'node:module';
import type { Entity, TreeNode, TreeNodeObjectTagNameWithRt, VTTData, WebVTTParser as Parser } from 'webvtt-parser';

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser') as { WebVTTParser: typeof Parser };
// The parser's built-in entity list lacks the ";" forms ("&amp;" would read as "&;");
// the full HTML list it ships gives the spec's behaviour.
const htmlEntities = require('webvtt-parser/html-entities.json') as Record<Entity, string>;

type AnyTreeNode = TreeNode<TreeNodeObjectTagNameWithRt>;

export type VttMode = 'captions' | 'chapters';

export function parseVtt(text: string, mode: VttMode): VTTData {
  return new WebVTTParser(htmlEntities).parse(text, mode);
}

/** One line per problem, "line N: message"; empty when the file is valid. */
export function vttProblems(text: string, mode: VttMode): string[] {
  return parseVtt(text, mode).errors.map((e) => `line ${e.line}: ${e.message}`);
}

/** The text a viewer would see in a parsed cue, tags and references resolved. */
export function visibleCueText(nodes: readonly AnyTreeNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'object' ? visibleCueText(node.children) : '')).join('');
}

/** The <v> voice names used in a parsed cue. */
export function cueVoices(nodes: readonly AnyTreeNode[]): string[] {
  return nodes.flatMap((node) => (node.type === 'object' ? [...(node.name === 'v' ? [node.value] : []), ...cueVoices(node.children)] : []));
}
