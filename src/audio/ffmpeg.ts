// The one module that drives ffmpeg (through fluent-ffmpeg). Each chapter's PCM goes in
// on stdin and is encoded once; the podcast episodes are then made from the encoded
// chapters by stream copy, and the book files around the tags ffmpeg writes here.
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { NarrateError } from '../errors.js';
import { trackChild } from '../util/interruption.js';
import { AAC_PRIMING } from './frames.js';

export type AudioFormat = 'm4b' | 'mp3';

export interface EncodeJob {
  /** Mono s16le PCM. */
  pcm: Readable;
  sampleRate: number;
  format: AudioFormat;
  outPath: string;
  /** Bit rate in kb/s. */
  bitrate: number;
  /** Aborting kills ffmpeg; the promise settles once it has exited. */
  signal?: AbortSignal;
}

export interface JoinJob {
  /** Encoded chapters (from encodeChapter) in order, each with the length of its slot in samples. */
  chapters: Array<{ path: string; slotSamples: number }>;
  sampleRate: number;
  format: AudioFormat;
  /** A scratch file for the concat list. */
  listPath: string;
  /** FFMETADATA file with tags and [CHAPTER] sections. */
  metadataPath: string;
  coverPath?: string;
  outPath: string;
  /** Aborting kills ffmpeg; the promise settles once it has exited. */
  signal?: AbortSignal;
}

export interface TagJob {
  /** One encoded chapter from encodeChapter. */
  inPath: string;
  format: AudioFormat;
  metadataPath: string;
  coverPath?: string;
  outPath: string;
  /** Aborting kills ffmpeg; the promise settles once it has exited. */
  signal?: AbortSignal;
}

const CODEC: Record<AudioFormat, string[]> = {
  // The fast coder is ~5x quicker than the default and transparent for speech at 64 kb/s.
  m4b: ['-c:a', 'aac', '-aac_coder', 'fast'],
  // LAME's quality 7 halves encode time; at speech bit rates the difference is inaudible.
  mp3: ['-c:a', 'libmp3lame', '-compression_level', '7'],
};
const TAGGING: Record<AudioFormat, string[]> = {
  m4b: ['-movflags', '+faststart'],
  // ID3v2.3: players lose CHAP/CTOC frames written as v2.4 (standards.md §6).
  mp3: ['-id3v2_version', '3', '-write_xing', '1'],
};
const MUXER: Record<AudioFormat, string> = { m4b: 'ipod', mp3: 'mp3' };
/**
 * Encoded chapters: AAC as bare ADTS frames (no edit list, so the joined stream has one
 * priming to trim); MP3 with its LAME tag, whose delay the joined file's tag carries over.
 */
const CHAPTER_MUXER: Record<AudioFormat, string[]> = { m4b: ['-f', 'adts'], mp3: ['-id3v2_version', '0', '-write_xing', '1', '-f', 'mp3'] };
export const CHAPTER_EXTENSION: Record<AudioFormat, string> = { m4b: 'aac', mp3: 'mp3' };

const REQUIRED_ENCODERS: Record<AudioFormat, string> = { m4b: 'aac', mp3: 'libmp3lame' };

export function ffmpegBinary(): string {
  return process.env.FFMPEG_PATH ?? 'ffmpeg';
}

let probed: Promise<Record<string, unknown>> | undefined;

/**
 * What this ffmpeg can encode, asked once per process without blocking: learning it
 * also proves ffmpeg is installed, and fluent-ffmpeg caches it (and the formats) for
 * every later command.
 */
function ffmpegEncoders(): Promise<Record<string, unknown>> {
  probed ??= new Promise((resolve, reject) => {
    const bin = ffmpegBinary();
    ffmpeg.setFfmpegPath(bin);
    const missing = () => new NarrateError(`ffmpeg not found (tried "${bin}"). Install it with "npm run setup" or "apt-get install ffmpeg", or set FFMPEG_PATH`);
    // Two ffmpeg runs, side by side: they are on the way to the first encode.
    let formatsKnown = false;
    let encoders: Record<string, unknown> | undefined;
    ffmpeg.getAvailableEncoders((err, found) => {
      if (err) return reject(missing());
      encoders = found;
      if (formatsKnown) resolve(found);
    });
    ffmpeg.getAvailableFormats((err) => {
      if (err) return reject(missing());
      formatsKnown = true;
      if (encoders) resolve(encoders);
    });
  });
  return probed;
}

export async function ensureFfmpeg(): Promise<void> {
  await ffmpegEncoders();
}

/** Starts asking ffmpeg what it can do, while the script is still being read; checkFfmpeg reports the answer. */
export function startFfmpegCheck(): void {
  ffmpegEncoders().catch(() => {});
}

/** Fails with a clear message unless ffmpeg is installed with the encoders these formats need. */
export async function checkFfmpeg(formats: AudioFormat[]): Promise<void> {
  const encoders = await ffmpegEncoders();
  for (const f of formats) {
    const encoder = REQUIRED_ENCODERS[f];
    if (!(encoder in encoders)) throw new NarrateError(`this ffmpeg has no ${encoder} encoder, needed for ${f}. Install Debian's ffmpeg ("npm run setup")`);
  }
}

/** Encodes one chapter's PCM, streamed in on stdin; tags and chapters come later, by stream copy. */
export async function encodeChapter(job: EncodeJob): Promise<void> {
  await ensureFfmpeg();
  const command = ffmpeg()
    .input(job.pcm)
    .inputOptions(['-f', 's16le', '-ar', String(job.sampleRate), '-ac', '1'])
    .outputOptions(['-map', '0:a', ...CODEC[job.format], '-b:a', `${job.bitrate}k`, '-ac', '1', ...CHAPTER_MUXER[job.format]]);
  return run(command, job.outPath, `encode ${job.format}`, job.signal);
}

/**
 * Joins encoded chapters by stream copy (ffmpeg's concat demuxer), adding tags,
 * chapters and cover in the same pass: the way a book file is joined when a chapter
 * file is not as m4b-join.ts or mp3-join.ts expect (m4b-join.ts otherwise writes
 * this very file, byte for byte). Each file's duration is given exactly (its slot),
 * so packet times run on without a gap or an overlap. For AAC the input is shifted
 * back by the encoder's priming: the MP4 muxer then writes an edit list that trims
 * it, once, at the start of the book.
 */
export async function joinChapters(job: JoinJob): Promise<void> {
  await ensureFfmpeg();
  const list = ['ffconcat version 1.0', ...job.chapters.flatMap((c) => [`file ${concatQuote(resolve(c.path))}`, `duration ${(c.slotSamples / job.sampleRate).toFixed(6)}`])];
  await writeFile(job.listPath, list.join('\n') + '\n');
  const shift = job.format === 'm4b' ? primingShift(job.sampleRate) : [];
  const command = ffmpeg().input(job.listPath).inputOptions([...shift, '-f', 'concat', '-safe', '0']).input(job.metadataPath).inputOptions(['-f', 'ffmetadata']);
  return run(command.outputOptions(tagOptions(command, job)), job.outPath, `join the ${job.format} chapters`, job.signal);
}

/**
 * Writes a file with the tags, chapters and cover ffmpeg's muxer makes for this metadata,
 * over a moment of the chapter's audio: the book's MP3 (mp3-join.ts) and M4B (m4b-join.ts)
 * are put together around it, so their tags are written exactly as for any other file
 * this module makes. For AAC the moment is shifted back by the priming, as in joinChapters,
 * so the MP4 muxer writes the edit list the book needs.
 */
export async function writeTaggedMoment(job: TagJob & { sampleRate: number }): Promise<void> {
  await ensureFfmpeg();
  const shift = job.format === 'm4b' ? primingShift(job.sampleRate) : [];
  const command = ffmpeg().input(job.inPath).inputOptions([...shift, '-t', '0.1']).input(job.metadataPath).inputOptions(['-f', 'ffmetadata']);
  // -t limits what is read, not the chapters: every chapter mark is written, even those past the moment copied.
  const noXing = job.format === 'mp3' ? ['-write_xing', '0'] : [];
  return run(command.outputOptions([...tagOptions(command, job), ...noXing]), job.outPath, `write the ${job.format} tags`, job.signal);
}

/** Copies one encoded chapter into a file of its own with tags and cover (podcast episodes). */
export async function tagChapter(job: TagJob): Promise<void> {
  await ensureFfmpeg();
  const command = ffmpeg().input(job.inPath).input(job.metadataPath).inputOptions(['-f', 'ffmetadata']);
  return run(command.outputOptions(tagOptions(command, job)), job.outPath, `write ${job.format}`, job.signal);
}

function tagOptions(command: ffmpeg.FfmpegCommand, job: { format: AudioFormat; coverPath?: string }): string[] {
  const maps = ['-map', '0:a', '-map_metadata', '1', '-map_chapters', '1'];
  if (job.coverPath) {
    command.input(job.coverPath);
    maps.push('-map', '2:v', '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
  }
  return [...maps, '-c:a', 'copy', ...TAGGING[job.format], '-f', MUXER[job.format]];
}

/** Input options that start AAC's timestamps at minus the priming, so the MP4 muxer's edit list trims it. */
function primingShift(sampleRate: number): string[] {
  return ['-itsoffset', (-AAC_PRIMING / sampleRate).toFixed(6)];
}

/** A path as the concat demuxer reads it (absolute: relative ones are read from the list's folder), single-quoted, with quotes escaped. */
function concatQuote(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * Runs one ffmpeg command. On abort the process is killed at once (its output is
 * thrown away anyway), and the promise settles only after it has exited, so no
 * ffmpeg outlives the run or writes into a folder that is being removed.
 */
function run(command: ffmpeg.FfmpegCommand, outPath: string, what: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let proc: ChildProcess | undefined;
    const stop = () => proc?.kill('SIGKILL');
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    command
      .on('start', () => {
        // fluent-ffmpeg keeps the running process here; its 'start' comes right after spawning.
        proc = (command as unknown as { ffmpegProc?: ChildProcess }).ffmpegProc;
        if (proc) trackChild(proc);
        if (signal?.aborted) stop();
      })
      .on('error', (err: Error, _out: string | null, stderr: string | null) => {
        settle();
        reject(signal?.aborted ? signal.reason : new NarrateError(`ffmpeg could not ${what}: ${lastLine(stderr ?? undefined) || err.message}`));
      })
      .on('end', () => {
        settle();
        resolve();
      })
      .save(outPath);
  });
}

function lastLine(stderr: string | undefined): string {
  return (stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? '';
}

/** Escapes a value for an FFMETADATA file (=;#\ and newlines, doc/metadata.texi). */
export function escapeMetadata(value: string): string {
  return value.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}
