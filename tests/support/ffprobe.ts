// Reads a media file back with the real ffprobe.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Probe {
  format: { format_name: string; duration: string; tags?: Record<string, string> };
  streams: Array<{ codec_type: string; codec_name: string; sample_rate?: string; channels?: number }>;
  chapters: Array<{ start_time: string; end_time: string; tags: { title: string } }>;
}

export async function ffprobe(path: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', path]);
  return JSON.parse(stdout) as Probe;
}
