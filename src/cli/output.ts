import { Corpus, CorpusAnalysis } from '../core/corpus';
import { CsvOptions, eventRows, readEvidenceSentences, writeEventsCsv, writeEventsJson, writeEventsJsonLines } from '../core/eventExport';
import { KnowledgeBase } from '../core/knowledgeBase';
import { ArticleAnalysis, DateValue } from '../core/types';

/** Characters a terminal acts on or hides: controls (C0, DEL, C1), format characters (bidi, zero-width), line and paragraph separators, lone surrogates. */
const UNSAFE_IN_TERMINAL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same, less the C0 controls and lone surrogates that JSON.stringify already escapes. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Text from file names or documents as it may be shown on a terminal: "\x1b", "\u202e" instead of the characters themselves. */
export function printable(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, (character) => {
    const code = character.codePointAt(0)!;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code <= 0xffff ? `\\u${hex4(code)}` : `\\u{${code.toString(16)}}`;
  });
}

/** Writes to stdout in pieces of about a megabyte: one string for a large corpus could pass V8's longest string. */
export function stdoutWriter(): { write(text: string): void; end(): void } {
  const PIECE = 1024 * 1024;
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (size > 0) process.stdout.write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= PIECE) flush();
    },
    end: flush,
  };
}

/**
 * The corpus as JSON, exactly as JSON.stringify(document, null, 2) would write it but a record at
 * a time, and with the invisible and control characters it leaves raw (DEL, C1, bidi, zero-width)
 * written as \u escapes too, so that the output is safe to show and parses to the same values.
 */
export function writeJson(corpus: CorpusAnalysis, skipped: string[], write: (text: string) => void): void {
  const article = (a: ArticleAnalysis) => ({ path: a.path, date: a.date, entities: a.entities, meetings: a.meetings, visits: a.visits, notes: a.notes, ...(a.partial ? { partial: a.partial } : {}) });
  const document: Array<[string, unknown[]]> = [
    ['articles', corpus.articles.map(article)],
    ['people', corpus.people],
    ['places', corpus.places],
    ['timeline', corpus.timeline],
    ['skipped', skipped],
  ];
  write('{');
  document.forEach(([key, items], k) => {
    write(`${k > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (items.length === 0) return write('[]');
    write('[');
    items.forEach((item, i) => write(`${i > 0 ? ',' : ''}\n    ${safeJson(JSON.stringify(item, null, 2)).replace(/\n/g, '\n    ')}`));
    write('\n  ]');
  });
  write('\n}\n');
}

/** The --format values that print the timeline's events a row each. */
export const EVENT_FORMATS = ['csv', 'jsonl', 'events-json'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/**
 * The corpus's events, in timeline order, as export rows: CSV, JSON Lines or a JSON array. The
 * JSON is escaped as writeJson's is; CSV cells hold the text as it is.
 */
export async function writeEvents(
  corpus: Corpus,
  knowledgeBase: KnowledgeBase | undefined,
  textOf: (article: string) => string | undefined,
  format: EventFormat,
  options: CsvOptions,
  write: (text: string) => void,
): Promise<void> {
  const events = corpus.timeline();
  const rows = eventRows(events, { corpus, knowledgeBase, sentences: await readEvidenceSentences(events, textOf) });
  const stringify = (row: unknown) => safeJson(JSON.stringify(row));
  if (format === 'csv') writeEventsCsv(rows, write, options);
  else if (format === 'jsonl') writeEventsJsonLines(rows, write, stringify);
  else writeEventsJson(rows, write, stringify);
}

/** The summary a person reads: each article's people, places, meetings and visits, then the timeline. */
export function writeSummary(corpus: CorpusAnalysis, skipped: string[], write: (text: string) => void): void {
  const line = (text: string) => write(`${printable(text)}\n`);
  for (const article of corpus.articles) {
    line('');
    line(article.path);
    line(`  date: ${formatDate(article.date)}  (${article.date.basis})`);
    const people = article.entities.filter((e) => e.kind === 'person');
    const places = article.entities.filter((e) => e.kind === 'place');
    line(`  people (${people.length}):`);
    for (const p of people) {
      const role = p.roles[0];
      line(`    ${p.name}${role ? ` — ${role.title}${role.country ? `, ${role.country}` : ''}${role.source === 'knowledge-base' ? ' (knowledge base)' : ''}` : ''}  ×${p.mentions.length}`);
    }
    line(`  places (${places.length}): ${places.map((p) => p.name).join(', ')}`);
    line(`  meetings (${article.meetings.length}):`);
    for (const m of article.meetings) {
      line(`    ${formatDate(m.date)}  ${m.status === 'planned' ? 'planned ' : ''}${m.kind}: ${m.participants.join(' — ')}${m.place ? ` in ${m.place}` : ''}`);
    }
    if (article.visits.length) line(`  visits (${article.visits.length}):`);
    for (const v of article.visits) {
      line(`    ${formatDate(v.date)}  ${v.status === 'planned' ? 'planned ' : ''}visit: ${v.participants.join(', ')}${v.place ? ` to ${v.place}` : ''}`);
    }
    for (const note of article.notes) line(`  note: ${note}`);
  }
  for (const note of skipped) {
    line('');
    line(note);
  }
  line('');
  line('Timeline:');
  for (const event of corpus.timeline) line(`  ${formatDate(event.date).padEnd(10)}  ${event.label}  [${event.article}]`);
}

function formatDate(date: DateValue): string {
  return date.value ?? 'undated';
}

/** JSON text with the characters of UNSAFE_IN_JSON as \u escapes (each UTF-16 unit of one outside the BMP). */
function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => {
    let escaped = '';
    for (let i = 0; i < character.length; i++) escaped += `\\u${hex4(character.charCodeAt(i))}`;
    return escaped;
  });
}

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}
