'use strict';
// Starts VS Code's server and browser workbench (code-server) on a free local port with a
// throwaway home, user data and extensions folder, so runs never share or leak state.

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const { spawn, spawnSync } = require('child_process');
const paths = require('./paths');

const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** A port nobody listens on: the one asked for (rejects when taken) or one the system picks. */
function freePort(wanted = 0) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', (error) => reject(error.code === 'EADDRINUSE' ? new Error(`port ${wanted} is already in use`) : error));
    probe.listen(wanted, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function serverArgs(port, dirs) {
  return [
    paths.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.data,
    '--extensions-dir', dirs.extensions,
    '--config', dirs.config,
  ];
}

function installVsix(vsix, dirs, env) {
  const result = spawnSync(
    process.execPath,
    [paths.codeServerEntry, '--install-extension', vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.data, '--config', dirs.config],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} into code-server failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts code-server and resolves once it answers /healthz.
 * @param {object} [options]
 * @param {object} [options.settings] user settings added to the quiet defaults
 * @param {string[]} [options.vsixFiles] extensions to install into the fresh extensions folder
 * @param {object} [options.env] extra environment for the server (and so the extension host)
 * @param {boolean} [options.echo] print the server's own output (it is kept for errors anyway)
 * @param {number} [options.port] a fixed port instead of a free one
 * @param {number} [options.readyTimeoutMs]
 * @param {string} [options.userDataDir] a user-data folder to use (created if missing) and keep
 *   after stop(), instead of a throwaway one: a second server started on it finds the workspace
 *   and global storage the first left there, like a reopened window
 */
async function startServer({ settings = {}, vsixFiles = [], env: extraEnv = {}, echo = false, port: fixedPort, readyTimeoutMs = 60000, userDataDir } = {}) {
  if (!fs.existsSync(paths.codeServerEntry)) {
    throw new Error(`code-server is not installed (${paths.codeServerEntry}); run node scripts/vscode/install.js`);
  }
  const port = await freePort(fixedPort);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-vscode-'));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    data: userDataDir ? path.resolve(userDataDir) : path.join(root, 'data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'code-server.yaml'),
  };
  for (const dir of [dirs.home, dirs.tmp, dirs.extensions, path.join(dirs.data, 'User')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(dirs.data, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
    // An empty gallery keeps the workbench from calling the marketplace.
    EXTENSIONS_GALLERY: '{}',
    ...extraEnv,
  };
  try {
    for (const vsix of vsixFiles) installVsix(vsix, dirs, env);
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }

  // Own process group, so stop() ends the extension host and other helpers with the server.
  const child = spawn(process.execPath, serverArgs(port, dirs), { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const keep = (chunk) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    if (echo) process.stderr.write(text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.on('exit', () => {
    exited = true;
    resolve();
  }));

  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  // Safety net when the caller dies without stopping: nothing may outlive the run.
  const onExit = () => {
    killGroup('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (!exited) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    killGroup('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  }

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await healthy(port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const reason = exited ? `exited with code ${child.exitCode}` : `did not answer /healthz within ${readyTimeoutMs} ms`;
      throw new Error(`code-server ${reason}. Its output:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dirs,
    stop,
    output: () => output.join(''),
    /**
     * The workbench address that opens `folder` and, optionally, loads an extension from
     * disk and runs its tests: code-server's command line refuses these two options, but
     * the browser workbench reads them from the `payload` parameter.
     */
    workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
      const remote = (file) => `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
      const payload = [['skipWelcome', 'true']];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      const query = new URLSearchParams();
      if (folder) query.set('folder', path.resolve(folder));
      query.set('payload', JSON.stringify(payload));
      return `${url}/?${query.toString()}`;
    },
  };
}

module.exports = { startServer };
