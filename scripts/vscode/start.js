'use strict';
// `npm start`: opens the seed articles in VS Code with the extension loaded from this
// repository (build it first). With a desktop `code` on PATH that is an Extension Development
// Host window; otherwise VS Code 1.100.3 is served by code-server and its address printed, and
// the server runs until Ctrl+C. After rebuilding, "Developer: Reload Window" picks up the change.
//
//   node scripts/vscode/start.js [--folder <dir>] [--extension <dir>] [--port <n>] [--server]
//
// --server uses code-server even when `code` exists. The server listens on 127.0.0.1 only and
// has no password: from another machine, forward the port (ssh -L <port>:127.0.0.1:<port>).

const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { parseArgs } = require('util');
const paths = require('./paths');

function desktopCodeAvailable() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

function runDesktop(folder, extension) {
  const child = spawn('code', [`--extensionDevelopmentPath=${extension}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

async function runServer(folder, extension, port) {
  const { ensureInstalled } = require('./install');
  const { startServer } = require('./server');
  await ensureInstalled();
  const server = await startServer({ port });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping VS Code...');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const url = server.workbenchUrl({ folder, extensionDevelopmentPath: extension });
  console.log(`VS Code ${paths.vscodeVersion} with Attaché from ${extension} is running.`);
  console.log(`Open this address in a browser (Ctrl+C here to stop):\n\n  ${url}\n`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string', default: paths.seedsDir },
      extension: { type: 'string', default: paths.repoRoot },
      port: { type: 'string' },
      server: { type: 'boolean', default: false },
    },
  });
  const folder = path.resolve(values.folder);
  const extension = path.resolve(values.extension);
  if (!fs.existsSync(folder)) throw new Error(`no folder ${folder}`);
  const main = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(extension, main))) {
    console.warn(`warning: ${main} is missing; build first (npm run build) or the extension will not load`);
  }
  if (!values.server && desktopCodeAvailable()) {
    runDesktop(folder, extension);
  } else {
    await runServer(folder, extension, values.port === undefined ? undefined : Number(values.port));
  }
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
