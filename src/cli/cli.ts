import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../core/analyze';
import { analyzeCorpus, CorpusAnalysis } from '../core/corpus';
import { decodeArticle, DEFAULT_MAX_BYTES } from '../core/text';
import { ArticleAnalysis, DateValue } from '../core/types';

const USAGE = `Usage: attache analyze <file|dir>... [--json] [--max-bytes N]

Finds officials, places, roles, meetings and dates in articles (.txt and .md files;
directories are read recursively) and prints a summary per article and the corpus timeline.
  --json         print the analysis as JSON on stdout
  --max-bytes N  skip files larger than N bytes (default ${DEFAULT_MAX_BYTES})`;

interface Options {
  paths: string[];
  json: boolean;
  maxBytes: number;
}

function parseArguments(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'analyze') return command === undefined || command === '--help' || command === '-h' ? USAGE : `Unknown command '${command}'.\n\n${USAGE}`;
  const options: Options = { paths: [], json: false, maxBytes: DEFAULT_MAX_BYTES };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--max-bytes') {
      const value = Number(rest[++i]);
      if (!Number.isInteger(value) || value <= 0) return `--max-bytes takes a positive whole number of bytes.\n\n${USAGE}`;
      options.maxBytes = value;
    } else if (arg.startsWith('--')) return `Unknown option '${arg}'.\n\n${USAGE}`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return `Name at least one file or directory.\n\n${USAGE}`;
  return options;
}

/** Article files under a path: the file itself, or every .txt/.md below a directory, sorted. */
function collectFiles(target: string, problems: string[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    problems.push(`attache: cannot read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
    return [];
  }
  if (!stat.isDirectory()) return [target];
  const files: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) files.push(...collectFiles(full, problems));
    else if (/\.(txt|md)$/i.test(entry.name)) files.push(full);
  }
  return files;
}

function formatDate(date: DateValue): string {
  return date.value ?? 'undated';
}

function printSummary(corpus: CorpusAnalysis, skipped: string[]): void {
  const out: string[] = [];
  for (const article of corpus.articles) {
    out.push(`\n${article.path}`);
    out.push(`  date: ${formatDate(article.date)}  (${article.date.basis})`);
    const people = article.entities.filter((e) => e.kind === 'person');
    const places = article.entities.filter((e) => e.kind === 'place');
    out.push(`  people (${people.length}):`);
    for (const p of people) {
      const role = p.roles[0];
      out.push(`    ${p.name}${role ? ` — ${role.title}${role.country ? `, ${role.country}` : ''}${role.source === 'knowledge-base' ? ' (knowledge base)' : ''}` : ''}  ×${p.mentions.length}`);
    }
    out.push(`  places (${places.length}): ${places.map((p) => p.name).join(', ')}`);
    out.push(`  meetings (${article.meetings.length}):`);
    for (const m of article.meetings) {
      out.push(`    ${formatDate(m.date)}  ${m.status === 'planned' ? 'planned ' : ''}${m.kind}: ${m.participants.join(' — ')}${m.place ? ` in ${m.place}` : ''}`);
    }
    if (article.visits.length) out.push(`  visits (${article.visits.length}):`);
    for (const v of article.visits) {
      out.push(`    ${formatDate(v.date)}  ${v.status === 'planned' ? 'planned ' : ''}visit: ${v.participants.join(', ')}${v.place ? ` to ${v.place}` : ''}`);
    }
    for (const note of article.notes) out.push(`  note: ${note}`);
  }
  for (const note of skipped) out.push(`\n${note}`);
  out.push('\nTimeline:');
  for (const event of corpus.timeline) out.push(`  ${formatDate(event.date).padEnd(10)}  ${event.label}  [${event.article}]`);
  console.log(out.join('\n'));
}

function toJson(corpus: CorpusAnalysis): unknown {
  const article = (a: ArticleAnalysis) => ({ path: a.path, date: a.date, entities: a.entities, meetings: a.meetings, visits: a.visits, notes: a.notes });
  return { articles: corpus.articles.map(article), people: corpus.people, places: corpus.places, timeline: corpus.timeline };
}

export function main(argv: string[]): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    const isHelp = parsed === USAGE;
    (isHelp ? console.log : console.error)(parsed);
    return isHelp ? 0 : 2;
  }
  const problems: string[] = [];
  const files = parsed.paths.flatMap((p) => collectFiles(p, problems));
  const engine = new Engine();
  const articles: ArticleAnalysis[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      problems.push(`attache: cannot read ${file}: ${(error as Error).message}`);
      continue;
    }
    const decoded = decodeArticle(bytes, parsed.maxBytes);
    const shown = path.relative(process.cwd(), file) || file;
    if (decoded.skipped) {
      skipped.push(`skipped ${shown}: ${decoded.skipped}`);
      continue;
    }
    const analysis = engine.analyze({ uri: shown, text: decoded.text, version: 1 });
    analysis.notes.push(...decoded.notes);
    articles.push(analysis);
  }
  const corpus = analyzeCorpus(articles, engine.knowledgeBase);
  const modelProblem = articles.length > 0 ? engine.nameTaggerProblem() : null;
  if (modelProblem) console.error(`attache: warning: names are found by the rules alone; ${modelProblem}`);
  for (const problem of problems) console.error(problem);
  if (parsed.json) {
    console.log(JSON.stringify({ ...(toJson(corpus) as object), skipped }, null, 2));
    for (const note of skipped) console.error(note);
  } else printSummary(corpus, skipped);
  return problems.length > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
