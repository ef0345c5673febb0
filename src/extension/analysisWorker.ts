// Runs the engine on a worker thread so that analysing a long article never blocks the extension
// host. One Engine per thread (building one costs ~100 ms); one request at a time, in order.
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../core/analyze';
import { analysisKey, AnalysisStore } from '../core/analysisStore';
import { Corrections, NO_CORRECTIONS } from '../core/corrections';
import { HostMessage, WorkerMessage, WorkerSettings } from './analysisProtocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker.js must run as a worker thread');

// Analysis is background work: on a busy machine the editor's threads should get the CPU first.
// On Linux this lowers only this thread; where it is not allowed, the default priority stays.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here; analysis still runs, at normal priority.
}

const { storeDirectory, corrections } = (workerData ?? {}) as WorkerSettings;
const engineFor = (applied: Corrections) => new Engine({ corrections: applied }).warmUp();
let appliedCorrections = corrections ?? NO_CORRECTIONS;
let engine = engineFor(appliedCorrections);
const send = (message: WorkerMessage) => port.postMessage(message);
const store = storeDirectory ? new AnalysisStore({ directory: storeDirectory, log: (message) => send({ type: 'log', message }) }) : undefined;

port.on('message', (request: HostMessage) => {
  if ('type' in request) {
    appliedCorrections = request.corrections;
    engine = engineFor(appliedCorrections);
    return;
  }
  try {
    const started = performance.now();
    const analysis = engine.analyze({ uri: request.uri, text: request.text, version: request.version, format: request.format }, { budgetMs: request.budgetMs });
    // Keyed here, by the corrections this engine applied: new ones may have come after the request.
    const key = analysisKey(request.text, request.format, appliedCorrections);
    send({ type: 'result', id: request.id, analysis, ms: performance.now() - started, key });
    if (store) void store.put(key, analysis);
  } catch (error) {
    send({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
// The name model is read here, off the extension host, before the first article arrives.
send({ type: 'ready', nameModelProblem: engine.nameTaggerProblem() ?? undefined });
