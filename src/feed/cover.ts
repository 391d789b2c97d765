// Checks the cover against Apple's artwork rules (standards.md §4): JPEG or PNG,
// square, 1400 to 3000 px. Breaking a rule is a warning; an unreadable file is an error.
import { access, constants } from 'node:fs/promises';
import { extname } from 'node:path';
import { NarrateError } from '../errors.js';
import { probeMedia } from '../audio/probe.js';

export interface CoverCheck {
  path: string;
  /** Extension the published copy gets, e.g. "jpg". */
  extension: string;
  /** JPEG or PNG, so it can also go into each episode's MP3. */
  isJpegOrPng: boolean;
  warnings: string[];
}

const FORMATS: Record<string, string> = { mjpeg: 'jpg', png: 'png' };
const MIN_SIDE = 1400;
const MAX_SIDE = 3000;

export async function checkCover(path: string, where: string): Promise<CoverCheck> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new NarrateError(`${where}: cover image ${path} cannot be read. Fix the "cover:" path (relative to the script's folder) or remove it`);
  }
  const image = await probeImage(path, where);
  const warnings: string[] = [];
  const known = FORMATS[image.codec_name];
  if (!known) warnings.push(`cover ${path} is ${image.codec_name}, but podcast artwork must be JPEG or PNG`);
  const { width = 0, height = 0 } = image;
  if (width !== height) warnings.push(`cover ${path} is ${width}x${height}, but podcast artwork must be square`);
  if (Math.max(width, height) > MAX_SIDE || Math.min(width, height) < MIN_SIDE) {
    warnings.push(`cover ${path} is ${width}x${height}, but podcast artwork must be ${MIN_SIDE} to ${MAX_SIDE} px on each side`);
  }
  const extension = known ?? (extname(path).slice(1).toLowerCase() || 'img');
  return { path, extension, isJpegOrPng: known !== undefined, warnings };
}

async function probeImage(path: string, where: string) {
  let stream;
  try {
    const probe = await probeMedia(path);
    // ffprobe shows any text file as a "tty" video; that is no picture.
    if (probe.format.format_name !== 'tty') stream = probe.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  } catch {
    stream = undefined;
  }
  if (!stream) throw new NarrateError(`${where}: cover ${path} is not an image ffprobe can read. Use a JPEG or PNG file`);
  return stream;
}
