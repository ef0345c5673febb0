'use strict';
// Turns the corpus benchmark's measurements into rows (figure, aim, measured, mark) and prints them.

/** The aims, per corpus size. */
const AIMS = {
  1000: { coldMs: 10_000, warmMs: 1_000, openMs: 100, hoverMs: 10, rssMB: 200 },
  10000: { coldMs: 90_000, warmMs: 5_000, openMs: 100, hoverMs: 20, rssMB: 350 },
};

/** The aims for a size that is neither: those of the nearest size at or above it (the largest above 10,000). */
function aimsFor(size) {
  return size <= 1000 ? AIMS[1000] : AIMS[10000];
}

const PASS = '✓';
const FAIL = '✗';
const NONE = '–';

function seconds(ms) {
  return ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function millis(ms) {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function mark(value, aim) {
  if (value === undefined || value === null || !Number.isFinite(value)) return NONE;
  return value <= aim ? PASS : FAIL;
}

function cliRan(run) {
  return run && (run.code === 0 || run.code === 1);
}

/** Index time of one extension launch: from indexTimes() when the API has it, else host start → idle. */
function extensionIndex(launch) {
  if (!launch || launch.failed || launch.timedOut || launch.readyAt === undefined) return undefined;
  if (launch.readySource === 'indexTimes' && launch.indexTimes) {
    const t = launch.indexTimes;
    return { ms: t.readyAt - t.activatedAt, exact: true, detail: `activation→start ${t.startedAt !== undefined ? seconds(t.startedAt - t.activatedAt) : '?'}; ${t.articles} articles: ${t.fromIndex !== undefined ? `${t.fromIndex} from the saved index, ` : ''}${t.fromCache} from the cache, ${t.analysed} analysed${t.analysisMs !== undefined ? ` (${seconds(t.analysisMs)} of analysis)` : ''}${t.savedIndexMs !== undefined ? `; saved index ${seconds(t.savedIndexMs)}, listing ${seconds(t.listingMs)}` : ''}${t.hostBusy !== undefined ? `; host thread busy ${Math.round(t.hostBusy * 100)} %` : ''}` };
  }
  return { ms: launch.readyAt - launch.hostStartedAt, exact: false, detail: 'no indexTimes(): extension host start → whenIdle() with every article' };
}

function launchProblem(launch) {
  if (!launch) return 'not run';
  if (launch.failed) return launch.failed;
  if (launch.timedOut) return 'timed out before the corpus was indexed';
  if (launch.error) return `error: ${launch.error.split('\n')[0]}`;
  return undefined;
}

/**
 * Rows for one corpus size.
 * @returns {Array<{ figure: string, aim: string, measured: string, mark: string }>}
 */
function rowsFor(size, cli, extension) {
  const aims = aimsFor(size);
  const rows = [];
  const add = (figure, aim, measured, result) => rows.push({ figure, aim, measured, mark: result });

  if (cli) {
    const cold = cliRan(cli.cold) ? cli.cold.ms : undefined;
    add('cold index — CLI, no cache', `≤ ${seconds(aims.coldMs)}`, cold !== undefined ? seconds(cold) : 'failed', mark(cold, aims.coldMs));
    if (cli.cacheCold) {
      const first = cliRan(cli.cacheCold) ? cli.cacheCold.ms : undefined;
      add('  CLI --cache, first run (writes it)', `≤ ${seconds(aims.coldMs)}`, first !== undefined ? seconds(first) : 'failed', mark(first, aims.coldMs));
    }
    if (cli.warm) {
      const warm = cliRan(cli.warm) ? cli.warm.ms : undefined;
      const ratio = warm !== undefined && cold ? ` (warm/cold ${(warm / cold).toFixed(3)})` : '';
      add('warm — CLI --cache, second run', `≤ ${seconds(aims.warmMs)}`, warm !== undefined ? `${seconds(warm)}${ratio}` : 'failed', mark(warm, aims.warmMs));
    } else {
      add('warm — CLI --cache, second run', `≤ ${seconds(aims.warmMs)}`, 'n/a (no --cache in this CLI)', NONE);
    }
  }

  if (extension) {
    const { cold, warm } = extension;
    for (const [label, launch, aim] of [
      ['cold index — extension', cold, aims.coldMs],
      ['warm — extension, reopened window', warm, aims.warmMs],
    ]) {
      const problem = launchProblem(launch);
      const index = extensionIndex(launch);
      if (!index) {
        add(label, `≤ ${seconds(aim)}`, `n/a (${problem ?? 'no result'})`, NONE);
        continue;
      }
      const wall = launch.readyAt - launch.pageLoadAt;
      add(label, `≤ ${seconds(aim)}`, `${index.exact ? '' : '≈ '}${seconds(index.ms)}  [${index.detail}; page load → ready ${seconds(wall)}]`, mark(index.ms, aim));
    }

    const open = [cold, warm].map((launch) => launch?.open?.highlight ?? null);
    if (open.some(Boolean)) {
      const text = open.map((d) => (d ? `p50 ${millis(d.p50)}, max ${millis(d.max)} (${d.count})` : 'n/a')).join(' / ');
      const worst = Math.max(...open.filter(Boolean).map((d) => d.p50));
      add('open article → highlights (cold / warm window)', `p50 ≤ ${millis(aims.openMs)}`, text, mark(worst, aims.openMs));
      const part = (name) => [cold, warm].map((launch) => launch?.open?.[name] ?? null).map((d) => (d ? `p50 ${millis(d.p50)}, max ${millis(d.max)}` : 'n/a')).join(' / ');
      add('  of which: document opened → analysis ready', '—', part('ready'), NONE);
      add('  of which: editor visible → highlights shown', '—', part('flash'), NONE);
      add('  showTextDocument call → highlights (info)', '—', part('total'), NONE);
    } else {
      add('open article → highlights', `p50 ≤ ${millis(aims.openMs)}`, 'n/a', NONE);
    }

    const hovers = [cold, warm].map((launch) => (launch?.hover?.available ? launch.hover.calls : null));
    if (hovers.some(Boolean)) {
      const text = hovers.map((d) => (d ? `p95 ${millis(d.p95)}, p50 ${millis(d.p50)}, max ${millis(d.max)} (${d.count})` : 'n/a')).join(' / ');
      const worst = Math.max(...hovers.filter(Boolean).map((d) => d.p95));
      add('hover provider (cold / warm window)', `p95 ≤ ${millis(aims.hoverMs)}`, text, mark(worst, aims.hoverMs));
    } else {
      add('hover provider', `p95 ≤ ${millis(aims.hoverMs)}`, 'n/a (no api.hover)', NONE);
    }
    const trips = [cold, warm].map((launch) => launch?.hoverRoundTrip?.calls ?? null);
    if (trips.some(Boolean)) {
      add('  hover via executeHoverProvider (info)', '—', trips.map((d) => (d ? `p95 ${millis(d.p95)}, p50 ${millis(d.p50)}` : 'n/a')).join(' / '), NONE);
    }

    const rss = [cold, warm].map((launch) => (launch && !launch.failed ? launch.memory?.maxRssMB : undefined));
    if (rss.some((v) => v !== undefined)) {
      const worst = Math.max(...rss.filter((v) => v !== undefined));
      add('extension host peak RSS (cold / warm window)', `≤ ${aims.rssMB} MB`, rss.map((v) => (v === undefined ? 'n/a' : `${v.toFixed(0)} MB`)).join(' / '), mark(worst, aims.rssMB));
    } else {
      add('extension host peak RSS', `≤ ${aims.rssMB} MB`, 'n/a', NONE);
    }
  }
  return rows;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function printReport({ machine, sizes }) {
  console.log('');
  console.log(`Machine: ${machine.cores} cores (os.availableParallelism()), ${machine.cpu}, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.platform}`);
  if (machine.loadAverageAtStart !== undefined) {
    const busy = Math.max(machine.loadAverageAtStart, machine.loadAverageAtEnd ?? 0) > machine.cores;
    console.log(`Load average (1 min): ${machine.loadAverageAtStart.toFixed(1)} at the start, ${(machine.loadAverageAtEnd ?? NaN).toFixed(1)} at the end${busy ? ' — more than the cores: other work shared the machine, so the times are pessimistic' : ''}`);
  }
  const rows = [];
  for (const entry of sizes) {
    const corpus = `${entry.size.toLocaleString('en-US')} articles`;
    for (const row of rowsFor(entry.size, entry.cli, entry.extension)) rows.push([corpus, row.figure, row.aim, row.measured, row.mark]);
  }
  console.log(table(['corpus', 'figure', 'aim', 'measured', ''], rows));
  for (const entry of sizes) {
    const c = entry.corpus;
    console.log(`\n${entry.size.toLocaleString('en-US')} articles: ${(c.bytes / 1024 / 1024).toFixed(1)} MB; ${c.events} events, ${c.sharedEvents} reported by more than one article; ${c.people} officials; most mentioned: ${c.hubs.map((h) => `${h.name} (${h.articles} articles)`).join(', ')}`);
    const notes = [...(entry.cli?.notes ?? []), ...['cold', 'warm'].flatMap((phase) => (entry.extension?.[phase]?.notes ?? []).map((n) => `extension ${phase}: ${n}`))];
    for (const phase of ['cold', 'warm']) {
      const launch = entry.extension?.[phase];
      const problem = launchProblem(launch);
      if (launch && problem) notes.push(`extension ${phase}: ${problem}`);
    }
    for (const note of notes) console.log(`  note: ${note}`);
  }
}

module.exports = { rowsFor, printReport, aimsFor };
