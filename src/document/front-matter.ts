// Optional YAML front matter (--- … ---) carrying book metadata, validated with zod.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fileError } from '../errors.js';
import { zodFileError } from '../config/zod-errors.js';

const FrontMatterSchema = z.strictObject({
  title: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en-US"').optional(),
  description: z.string().optional(),
  cover: z.string().optional(),
  category: z.string().optional(),
  explicit: z.boolean().optional(),
  owner_email: z.email().optional(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes').optional(),
  voice: z.string().optional(),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(\n|$)/;

export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  body: string;
  /** Lines taken by the front matter, so body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
}

export function splitFrontMatter(file: string, text: string): SplitFrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { frontMatter: {}, body: text, bodyLineOffset: 0 };
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!) ?? {};
  } catch (e) {
    throw fileError(file, '1', `front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`, 'Fix the block between the --- lines');
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (!parsed.success) throw zodFileError(file, parsed.error, 'Fix the front matter at the top of the script');
  const consumed = match[0];
  return {
    frontMatter: parsed.data,
    body: text.slice(consumed.length),
    bodyLineOffset: consumed.split('\n').length - (consumed.endsWith('\n') ? 1 : 0),
  };
}

/** The text with its front matter lines blanked, so later line numbers stay true. */
export function withoutFrontMatter(text: string): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) return text;
  return match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
}
