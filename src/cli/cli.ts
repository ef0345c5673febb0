import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { AnalysisStore, makeDirectorySync } from '../core/analysisStore';
import { Corrections, NO_CORRECTIONS, parseKnowledgeFile } from '../core/corrections';
import { analyzeCorpus, Corpus } from '../core/corpus';
import { loadBundledKnowledgeBase } from '../core/knowledgeBase';
import { DEFAULT_MAX_BYTES, formatBytes, lineAndCharacter } from '../core/text';
import { ArticleAnalysis } from '../core/types';
import { analyseInWorkers, isPoolWorker, serveAnalysisPool } from './analysisPool';
import { analyseFile, ArticleAnalyser, ArticleFile, FileOutcome, listArticleFiles, readArticle } from './articleFiles';
import { EVENT_FORMATS, EventFormat, printable, stdoutWriter, writeEvents, writeJson, writeSummary } from './output';

/**
 * The largest --max-bytes: some thousand times a long news article. One article of 16 MB took
 * about 3 minutes and 2.4 GB of memory on two cores; twice that would pass Node's default heap
 * limit of about 4 GB and end in a crash instead of a result.
 */
const MAX_BYTES_CEILING = 16 * 1024 * 1024;
/** Worker threads at most: each holds an engine of its own, about 150 MB. */
const MAX_JOBS = 8;
/**
 * Text each worker thread must have to repay its start, unless --jobs asks for workers: loading
 * and warming up an engine takes a worker about 0.7 s. On two cores, 1,000 articles of 1 KB took
 * 5.4 s on one thread and 6.4 s in two workers; 3,000 took 16.4 s and 13.3 s.
 */
const BYTES_PER_WORKER = 1024 * 1024;
const PROCESSORS = Math.min(os.availableParallelism(), MAX_JOBS);

/**
 * Milliseconds one article may take by default: a long report (2 MB, about 8 s here) is analysed
 * whole; a pathological or book-length file stops there with a warning instead of holding up the run.
 */
const DEFAULT_BUDGET_MS = 10_000;

/** What --format takes: the summary, the whole analysis as JSON, or the timeline's events a row each. */
const FORMATS = ['text', 'json', ...EVENT_FORMATS] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: attache analyze [--format text|json|csv|jsonl|events-json] [--bom] [--max-bytes N] [--time-budget MS] [--jobs N] [--cache DIR] [--knowledge FILE] [--] <file|dir>...

Finds officials, places, roles, meetings and dates in articles (.txt and .md files;
directories are read recursively) and prints a summary per article and the corpus timeline.
Each file is read once however it is named; only regular files are read (named pipes,
sockets and devices are skipped with a note).
  --format F     what to print on stdout:
                   text         a summary per article, then the timeline (the default)
                   json         the whole analysis as JSON: articles, people, places, timeline
                   csv          the timeline's events, one row each, as CSV (RFC 4180, UTF-8,
                                CRLF; lists in a cell joined with "; ")
                   jsonl        the same rows as JSON Lines, one object a line
                   events-json  the same rows as one JSON array
  --json         the same as --format json
  --bom          with --format csv, for spreadsheets: a UTF-8 byte order mark first, and a ' put
                 before any cell starting with = + - @ so that it cannot run as a formula
  --max-bytes N  skip files larger than N bytes (default ${DEFAULT_MAX_BYTES}, at most ${MAX_BYTES_CEILING})
  --time-budget MS  milliseconds one article may take (default ${DEFAULT_BUDGET_MS}; 0 for no limit): a
                 longer one is analysed up to where the time ran out, with a warning on stderr
  --jobs N       analyse in N worker threads, 1 to ${MAX_JOBS} (default: one a processor, here ${PROCESSORS}, when
                 there is a megabyte of uncached articles for each, else the main thread alone)
  --cache DIR    keep each article's analysis in DIR (made if need be) and reuse it while the text
                 and this build of Attaché are the same: the output is as without it. Analyses
                 cut short by the time budget are not kept
  --knowledge FILE  apply the corrections of a knowledge file (as the extension's
                 .attache/knowledge.json): people added, names that are not people or places,
                 names of one person, links broken. What is malformed in it is named on stderr
                 and left out; the rest applies
  --             end of options: what follows are paths, even if they start with '-'

Exit status: 0 when every path named was read, 1 when some file or folder could not be read
(it is named on stderr; the rest is analysed and printed), 2 on a wrong call.`;

interface Options {
  paths: string[];
  format: Format;
  bom: boolean;
  maxBytes: number;
  budgetMs: number;
  /** Worker threads asked for; undefined to choose by the processors and the amount of text. */
  jobs?: number;
  /** The folder of the analysis store (--cache), if any. */
  cache?: string;
  /** The reader's knowledge file (--knowledge), if any. */
  knowledge?: string;
}

function parseArguments(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'analyze') return command === undefined || command === '--help' || command === '-h' ? USAGE : `Unknown command '${printable(command)}'.\n\n${USAGE}`;
  const options: Options = { paths: [], format: 'text', bom: false, maxBytes: DEFAULT_MAX_BYTES, budgetMs: DEFAULT_BUDGET_MS };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      options.paths.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--help') return USAGE;
    if (arg === '--json') options.format = 'json';
    else if (arg === '--format') {
      const value = rest[++i];
      if (!FORMATS.some((format) => format === value)) return `--format takes one of ${FORMATS.join(', ')}.\n\n${USAGE}`;
      options.format = value as Format;
    } else if (arg === '--bom') options.bom = true;
    else if (arg === '--max-bytes') {
      const value = Number(rest[++i]);
      if (!Number.isInteger(value) || value <= 0) return `--max-bytes takes a positive whole number of bytes.\n\n${USAGE}`;
      if (value > MAX_BYTES_CEILING) {
        return `--max-bytes can be at most ${MAX_BYTES_CEILING} (${formatBytes(MAX_BYTES_CEILING)}): a larger article would take minutes and gigabytes of memory to analyse. Split it into articles.\n\n${USAGE}`;
      }
      options.maxBytes = value;
    } else if (arg === '--time-budget') {
      const value = Number(rest[++i]);
      if (!Number.isInteger(value) || value < 0) return `--time-budget takes a whole number of milliseconds, 0 for no limit.\n\n${USAGE}`;
      options.budgetMs = value === 0 ? Infinity : value;
    } else if (arg === '--jobs') {
      const value = Number(rest[++i]);
      if (!Number.isInteger(value) || value <= 0 || value > MAX_JOBS) return `--jobs takes a whole number from 1 to ${MAX_JOBS}.\n\n${USAGE}`;
      options.jobs = value;
    } else if (arg === '--cache') {
      const folder = rest[++i];
      if (!folder) return `--cache takes a directory to keep analyses in.\n\n${USAGE}`;
      options.cache = folder;
    } else if (arg === '--knowledge') {
      const file = rest[++i];
      if (!file) return `--knowledge takes the knowledge file to apply (as .attache/knowledge.json).\n\n${USAGE}`;
      options.knowledge = file;
    } else if (arg.startsWith('--')) return `Unknown option '${printable(arg)}' (put -- before a path that starts with '--').\n\n${USAGE}`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return `Name at least one file or directory.\n\n${USAGE}`;
  if (options.bom && options.format !== 'csv') return `--bom is for --format csv only: JSON has no byte order mark.\n\n${USAGE}`;
  return options;
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    const isHelp = parsed === USAGE;
    (isHelp ? console.log : console.error)(parsed);
    return isHelp ? 0 : 2;
  }
  const listing = listArticleFiles(parsed.paths);
  const files = listing.files.map((file) => ({ file, shownPath: path.relative(process.cwd(), file.path) || file.path }));
  const limits = { maxBytes: parsed.maxBytes, budgetMs: parsed.budgetMs };
  // What the analysis stores log (records discarded, a cache that cannot be written), each line
  // once: every worker's store would otherwise say the same.
  const logged = new Set<string>();
  const log = (message: string) => {
    if (logged.has(message)) return;
    logged.add(message);
    console.error(printable(`attache: ${message}`));
  };
  const store = parsed.cache === undefined ? undefined : openStore(parsed.cache, log);
  const corrections = parsed.knowledge === undefined ? NO_CORRECTIONS : readKnowledgeFile(parsed.knowledge);
  if (corrections === undefined) return 2;
  const analyser = new ArticleAnalyser(store, corrections);
  const outcomes = new Array<FileOutcome>(files.length);
  let pending = files.map((entry, index) => ({ ...entry, index }));
  if (store) {
    // Files whose analysis is in the cache are taken from it here, and only the others are
    // analysed below: they alone decide whether worker threads are worth starting, and an
    // engine is built only if one is left. Those others are read again there (reading is a
    // small part of analysing), so no text is held meanwhile.
    pending = pending.filter(({ file, shownPath, index }) => {
      const read = readArticle(file, shownPath, limits.maxBytes);
      if (!('text' in read)) outcomes[index] = read;
      else {
        const cached = analyser.cached(read, shownPath);
        if (!cached) return true;
        outcomes[index] = { analysis: cached };
      }
      return false;
    });
  }
  let taggerProblem: string | null = null;
  const workers = Math.min(pending.length, parsed.jobs ?? workersWorthStarting(pending.map(({ file }) => file)));
  if (workers > 1) {
    const jobs = pending.map(({ file, shownPath }) => ({ file, shownPath }));
    const pool = await analyseInWorkers(__filename, jobs, limits, workers, store && { directory: parsed.cache!, log }, corrections);
    pending.forEach(({ index }, i) => (outcomes[index] = pool.outcomes[i]));
    taggerProblem = pool.taggerProblem;
  } else {
    for (const { file, shownPath, index } of pending) outcomes[index] = analyseFile(file, shownPath, limits, analyser);
  }
  const engine = analyser.engine;

  const articles: ArticleAnalysis[] = [];
  const skipped: string[] = [];
  const problems = [...listing.problems];
  for (const outcome of outcomes) {
    if ('analysis' in outcome) articles.push(outcome.analysis);
    else if ('skipped' in outcome) skipped.push(outcome.skipped);
    else problems.push(outcome.problem);
  }
  const knowledgeBase = engine?.knowledgeBase ?? (articles.length > 0 ? loadBundledKnowledgeBase().withCorrections(corrections) : undefined);
  if (articles.length > 0) taggerProblem ??= engine?.nameTaggerProblem() ?? null;
  if (taggerProblem) console.error(printable(`attache: warning: names are found by the rules alone; ${taggerProblem}`));
  for (const problem of problems) console.error(printable(problem));
  for (const article of articles) if (article.partial) console.error(printable(`attache: warning: ${article.path}: ${article.notes[0]}`));
  const output = stdoutWriter();
  if (isEventFormat(parsed.format)) {
    const corpus = new Corpus(knowledgeBase);
    for (const article of articles) corpus.set(article);
    // The sentences' text is not in the analyses: each article with events is read again, once.
    const fileOf = new Map(files.map(({ file, shownPath }) => [shownPath, file]));
    const textOf = (article: string) => {
      const read = readArticle(fileOf.get(article)!, article, limits.maxBytes);
      return 'text' in read ? read.text : undefined;
    };
    await writeEvents(corpus, knowledgeBase, textOf, parsed.format, { spreadsheet: parsed.bom }, output.write);
    for (const note of skipped) console.error(printable(note));
  } else if (parsed.format === 'json') {
    writeJson(analyzeCorpus(articles, knowledgeBase), skipped, output.write);
    for (const note of skipped) console.error(printable(note));
  } else writeSummary(analyzeCorpus(articles, knowledgeBase), skipped, output.write);
  output.end();
  return problems.length > 0 ? 1 : 0;
}

function isEventFormat(format: Format): format is EventFormat {
  return format !== 'text' && format !== 'json';
}

/**
 * The analysis store in `folder`, created if need be; undefined, with a warning, when it cannot
 * be: the run goes on without a cache.
 */
function openStore(folder: string, log: (message: string) => void): AnalysisStore | undefined {
  try {
    makeDirectorySync(folder);
    return new AnalysisStore({ directory: folder, log });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it cannot be created there' : message;
    console.error(printable(`attache: warning: cannot use ${folder} as the cache (${reason}); analysing without it`));
    return undefined;
  }
}

/**
 * The corrections of a knowledge file; what is malformed in it is named on stderr, by line and
 * column, and left out. Undefined, with the reason on stderr, when the file cannot be read.
 */
function readKnowledgeFile(file: string): Corrections | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(printable(`attache: cannot read the knowledge file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : message}`));
    return undefined;
  }
  const { corrections, problems } = parseKnowledgeFile(text.replace(/^\uFEFF/, ''));
  for (const problem of problems) {
    const { line, character } = lineAndCharacter(text, problem.offset);
    console.error(printable(`attache: warning: ${file}:${line + 1}:${character + 1}: ${problem.message}`));
  }
  return corrections;
}

/** As many workers as there are processors and megabytes of text to give each, counting sizes only until there are enough. */
function workersWorthStarting(files: ArticleFile[]): number {
  let bytes = 0;
  for (const file of files) {
    if (bytes >= PROCESSORS * BYTES_PER_WORKER) break;
    if (file.special) continue;
    try {
      bytes += fs.statSync(file.path).size;
    } catch {
      // Reading it will fail too, and say why.
    }
  }
  return Math.min(PROCESSORS, Math.floor(bytes / BYTES_PER_WORKER));
}

if (!isMainThread && isPoolWorker()) serveAnalysisPool();
else if (require.main === module) {
  // A reader that stops early (`| head`) is not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (status) => (process.exitCode = status),
    (error: Error) => {
      console.error(printable(`attache: analysis failed: ${error.message}`));
      process.exitCode = 1;
    },
  );
}
