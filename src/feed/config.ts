// Feed-only settings that the script's front matter does not carry, read from an
// optional feed.json next to the script and validated with zod.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fileError } from '../errors.js';
import { zodFileError } from '../config/zod-errors.js';
import type { BookMeta } from '../types.js';

const FeedConfigSchema = z.strictObject({
  /** The show's web page; defaults to the base URL. */
  link: z.url({ protocol: /^https?$/ }).optional(),
  owner_name: z.string().min(1).optional(),
  /** podcast:locked; defaults to true when an owner email is known. */
  locked: z.boolean().optional(),
  /** itunes:type; defaults to "serial" for chapter episodes (a book is heard in order). */
  type: z.enum(['episodic', 'serial']).optional(),
  copyright: z.string().min(1).optional(),
});

export type FeedConfig = z.infer<typeof FeedConfigSchema>;

export interface ItunesCategory {
  text: string;
  sub?: string;
}

/** Reads feed.json if it exists; a missing file means defaults. */
export async function loadFeedConfig(path: string, required: boolean): Promise<FeedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw fileError(path, undefined, `cannot read the feed settings (${(e as Error).message})`, 'Check the path');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw fileError(path, undefined, `is not valid JSON (${(e as Error).message})`, 'Fix the JSON syntax');
  }
  const parsed = FeedConfigSchema.safeParse(raw);
  if (!parsed.success) throw zodFileError(path, parsed.error, 'Fix feed.json (allowed keys: link, owner_name, locked, type, copyright)');
  return parsed.data;
}

/** Front matter "category: Arts > Books" names Apple's category and subcategory. */
export function itunesCategory(meta: BookMeta): ItunesCategory | undefined {
  if (!meta.category?.trim()) return undefined;
  const [text, sub] = meta.category.split('>').map((part) => part.trim());
  return sub ? { text: text!, sub } : { text: text! };
}
