// Polly's voice catalogue: listing it for `narrate voices --provider polly`, and checking
// voices.json against it before anything is synthesized or billed.
import { DescribeVoicesCommand, type PollyClient, type Voice } from '@aws-sdk/client-polly';
import { NarrateError } from '../../errors.js';
import type { VoiceProfile } from '../../config/voices.js';
import { createPollyClient, type PollyClientOptions } from './client.js';
import { asEngine, type PollyEngine } from './engines.js';
import { credentialsHint, describeAwsError } from './errors.js';

export interface PollyVoiceRow {
  id: string;
  name: string;
  gender: string;
  language: string;
  languageName: string;
  engines: string[];
}

/** Every page of DescribeVoices, including bilingual voices' extra languages. */
export async function describeAllVoices(client: PollyClient, filter: { language?: string; engine?: PollyEngine } = {}): Promise<Voice[]> {
  const voices: Voice[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeVoicesCommand({ Engine: filter.engine, LanguageCode: filter.language as never, IncludeAdditionalLanguageCodes: true, NextToken }),
    );
    voices.push(...(page.Voices ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return voices;
}

export async function listPollyVoices(
  filter: { language?: string; engine?: string } = {},
  options: PollyClientOptions & { client?: PollyClient } = {},
): Promise<PollyVoiceRow[]> {
  const engine = filter.engine === undefined ? undefined : asEngine(filter.engine);
  const client = options.client ?? createPollyClient(options);
  try {
    const voices = await describeAllVoices(client, { language: filter.language, engine });
    return voices.map(toRow).sort((a, b) => a.language.localeCompare(b.language) || a.id.localeCompare(b.id));
  } catch (e) {
    throw new NarrateError(credentialsHint(e) ?? `could not list Polly voices: ${describeAwsError(e)}. Check AWS_REGION and your network, then run again`);
  } finally {
    if (!options.client) client.destroy();
  }
}

function toRow(v: Voice): PollyVoiceRow {
  return {
    id: v.Id ?? '',
    name: v.Name ?? v.Id ?? '',
    gender: v.Gender ?? '',
    language: v.LanguageCode ?? '',
    languageName: v.LanguageName ?? '',
    engines: [...(v.SupportedEngines ?? [])].sort(),
  };
}

export function formatVoicesTable(rows: PollyVoiceRow[]): string {
  const header = ['VoiceId', 'Gender', 'Language', 'Engines', 'Language name'];
  const cells = rows.map((r) => [r.id, r.gender, r.language, r.engines.join(','), r.languageName]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

/** Throws for the first voice Polly does not have, or does not have in the chosen engine. */
export function checkVoicesAgainstCatalogue(voices: VoiceProfile[], catalogue: Voice[]): void {
  const byId = new Map(catalogue.map((v) => [v.Id, v]));
  for (const voice of voices) {
    if (!voice.polly) continue;
    const { VoiceId, Engine, LanguageCode } = voice.polly;
    const where = `voices.json voices.${voice.name}.polly`;
    const found = byId.get(VoiceId as never);
    if (!found) {
      throw new NarrateError(`${where}: Polly has no voice with VoiceId "${VoiceId}". Pick one from "narrate voices --provider polly" (VoiceIds are case-sensitive, e.g. "Joanna")`);
    }
    const engines = found.SupportedEngines ?? [];
    if (!engines.includes(Engine)) {
      throw new NarrateError(
        `${where}: voice ${voice.name} (VoiceId "${VoiceId}") has no "${Engine}" engine; it has: ${engines.join(', ') || 'none'}. Set "Engine" to one of those or pick another voice`,
      );
    }
    const languages = [found.LanguageCode, ...(found.AdditionalLanguageCodes ?? [])];
    if (LanguageCode && !languages.includes(LanguageCode as never)) {
      throw new NarrateError(`${where}: voice ${voice.name} (VoiceId "${VoiceId}") does not speak ${LanguageCode}; it speaks: ${languages.join(', ')}. Fix "LanguageCode" or remove it`);
    }
  }
}
