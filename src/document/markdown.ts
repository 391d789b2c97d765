// Markdown scripts: "# Book title" once, "## Chapter title" per chapter, paragraphs.
// Parsed with mdast-util-from-markdown (wrapped here) for its source positions.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents, RootContent } from 'mdast';
import type { Block } from './blocks.js';

export function markdownBlocks(body: string, lineOffset: number): Block[] {
  const tree = fromMarkdown(body);
  const blocks: Block[] = [];
  for (const node of tree.children) collectBlocks(node, lineOffset, blocks);
  return blocks;
}

function collectBlocks(node: RootContent, lineOffset: number, blocks: Block[]): void {
  const line = (node.position?.start.line ?? 1) + lineOffset;
  switch (node.type) {
    case 'heading': {
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      if (!text) return;
      blocks.push({ kind: node.depth === 1 ? 'book-title' : 'chapter', text, line });
      return;
    }
    case 'paragraph':
    case 'code':
    case 'html':
      blocks.push({ kind: 'paragraph', text: plainText(node), line });
      return;
    case 'blockquote':
    case 'list':
    case 'listItem':
      for (const child of node.children) collectBlocks(child as RootContent, lineOffset, blocks);
      return;
    default:
      return; // thematic breaks, definitions, images alone: nothing to say
  }
}

/** Text as a reader sees it; inline HTML and SSML-looking text stay literal. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? (node as Parents).children.map((c) => plainText(c as Nodes)).join('') : '';
  }
}
