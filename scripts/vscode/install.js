'use strict';
// Installs what running the extension in a real VS Code needs on a machine that reaches only
// the npm registry and Debian: headless Chromium, ripgrep and VS Code 1.100.3 packaged as
// code-server. Idempotent: a marker written after a verified install makes later runs instant.
//
//   node scripts/vscode/install.js          install or confirm the cached install
//   node scripts/vscode/install.js --force  reinstall code-server from scratch

const fs = require('fs');
const path = require('path');
const { spawnSync, spawn } = require('child_process');
const paths = require('./paths');

// @vscode/ripgrep (pinned by code-server's VS Code) downloads rg from GitHub unless this
// tarball is already in its cache folder under TMPDIR.
const ripgrepPackageVersion = '1.15.11';
const ripgrepTarball = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

class InstallError extends Error {}

function log(message) {
  console.log(`[vscode-install] ${message}`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debPackageInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(paths.installMarker, 'utf8'));
  } catch {
    return undefined;
  }
}

function codeServerComplete() {
  const marker = readMarker();
  return marker !== undefined && marker.version === paths.codeServerVersion && fs.existsSync(paths.codeServerEntry);
}

function missingDebianPackages(needsBuild) {
  const missing = [];
  if (!fs.existsSync(paths.chromiumPath)) missing.push('chromium');
  if (!onPath('rg')) missing.push('ripgrep');
  if (needsBuild) {
    // kerberos, node-pty, argon2 and friends are compiled by node-gyp during the install.
    if (!debPackageInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
    if (!onPath('g++') || !onPath('make')) missing.push('build-essential');
    if (!onPath('python3')) missing.push('python3');
  }
  return missing;
}

function aptInstall(packages) {
  if (process.getuid && process.getuid() !== 0) {
    throw new InstallError(
      `missing system packages: ${packages.join(' ')}. Install them as root:\n` +
        `  apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    );
  }
  log(`apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      throw new InstallError(`apt-get ${args[0]} failed (exit ${result.status}); see the messages above`);
    }
  }
}

// A tarball holding Debian's rg at its root is what @vscode/ripgrep's postinstall unpacks.
function prepareRipgrepCache(tmpDir) {
  const version = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout || '';
  if (!version.startsWith('ripgrep 13.')) {
    log(`warning: rg reports "${version.split('\n')[0]}", VS Code 1.100 ships ripgrep 13`);
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const rgPath = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const tar = spawnSync('tar', ['-czf', path.join(cacheDir, ripgrepTarball), '-C', path.dirname(rgPath), path.basename(rgPath)]);
  if (tar.status !== 0) throw new InstallError(`could not pack ${rgPath} for the ripgrep cache`);
}

function writeInstallProject() {
  fs.mkdirSync(paths.codeServerHome, { recursive: true });
  const manifest = {
    name: 'attache-vscode-test-code-server',
    private: true,
    description: 'VS Code (as code-server) for running the Attaché extension in tests; installed by scripts/vscode/install.js',
    dependencies: { 'code-server': paths.codeServerVersion },
  };
  fs.writeFileSync(path.join(paths.codeServerHome, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function runLogged(command, args, options, logFile) {
  return new Promise((resolve) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    child.on('close', (code) => {
      fs.closeSync(out);
      resolve(code);
    });
    child.on('error', () => resolve(-1));
  });
}

function tail(file, lines) {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

// The postinstall of code-server runs nested `npm install`s that compile native modules; a
// skipped or half-run script leaves a server that starts but breaks later, so load them here.
function verifyCodeServer() {
  const vscodeModules = path.join(paths.codeServerPackage, 'lib', 'vscode', 'node_modules');
  const problems = [];
  const required = [
    paths.codeServerEntry,
    vscodeModules,
    path.join(paths.codeServerPackage, 'lib', 'vscode', 'node_modules.asar'),
    path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'),
  ];
  for (const file of required) {
    if (!fs.existsSync(file)) problems.push(`missing ${path.relative(paths.codeServerHome, file)}`);
  }
  const nativeModules = [
    path.join(paths.codeServerHome, 'node_modules', 'argon2'),
    path.join(vscodeModules, 'node-pty'),
    path.join(vscodeModules, '@vscode', 'spdlog'),
    path.join(vscodeModules, 'kerberos'),
    path.join(vscodeModules, '@parcel', 'watcher'),
    path.join(vscodeModules, 'native-watchdog'),
  ];
  for (const modulePath of nativeModules) {
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(modulePath)})`], { encoding: 'utf8' });
    if (probe.status !== 0) {
      const reason = (probe.stderr || '').split('\n').find((line) => /Error/.test(line)) || 'failed to load';
      problems.push(`${path.relative(paths.codeServerHome, modulePath)}: ${reason.trim()}`);
    }
  }
  return problems;
}

async function installCodeServer() {
  fs.rmSync(paths.codeServerHome, { recursive: true, force: true });
  writeInstallProject();
  const tmpDir = path.join(paths.cacheRoot, 'install-tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  prepareRipgrepCache(tmpDir);

  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true',
    npm_config_nodedir: '/usr',
    npm_config_build_from_source: 'true',
    npm_config_yes: 'true',
    npm_config_ignore_scripts: 'false',
    npm_config_foreground_scripts: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    // npm 11 warns about (and later releases block) dependency install scripts missing from
    // an allowScripts list. code-server's postinstall runs nested installs in its own
    // folders, where no list of ours can reach and `--allow-scripts` is refused, and every
    // script there builds a native module VS Code needs; this only reaches that npm tree.
    npm_config_dangerously_allow_all_scripts: 'true',
    TMPDIR: tmpDir,
  };
  const logFile = path.join(paths.cacheRoot, 'code-server-install.log');
  log(`npm install code-server@${paths.codeServerVersion} into ${path.relative(paths.repoRoot, paths.codeServerHome)} (a minute or two; log: ${path.relative(paths.repoRoot, logFile)})`);
  const code = await runLogged('npm', ['install', '--no-package-lock'], { cwd: paths.codeServerHome, env }, logFile);
  if (code !== 0) {
    throw new InstallError(`npm install code-server failed (exit ${code}). Last lines of ${logFile}:\n${tail(logFile, 40)}`);
  }
  const problems = verifyCodeServer();
  if (problems.length > 0) {
    throw new InstallError(
      `code-server installed but is incomplete (did its install scripts run?):\n  ${problems.join('\n  ')}\n` +
        `Log: ${logFile}`,
    );
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const marker = { version: paths.codeServerVersion, vscode: paths.vscodeVersion, installedAt: new Date().toISOString() };
  fs.writeFileSync(paths.installMarker, `${JSON.stringify(marker, null, 2)}\n`);
}

/** Makes sure Chromium, ripgrep and code-server are ready; returns quickly when they are. */
async function ensureInstalled({ force = false } = {}) {
  const needsCodeServer = force || !codeServerComplete();
  const missing = missingDebianPackages(needsCodeServer);
  if (missing.length > 0) aptInstall(missing);
  if (needsCodeServer) {
    const started = Date.now();
    await installCodeServer();
    log(`code-server ${paths.codeServerVersion} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { codeServerEntry: paths.codeServerEntry, chromiumPath: paths.chromiumPath };
}

module.exports = { ensureInstalled, InstallError };

if (require.main === module) {
  ensureInstalled({ force: process.argv.includes('--force') }).then(
    () => log(`ready: VS Code ${paths.vscodeVersion} (code-server ${paths.codeServerVersion}), ${paths.chromiumPath}`),
    (error) => {
      console.error(`[vscode-install] ${error instanceof InstallError ? error.message : error.stack}`);
      process.exit(1);
    },
  );
}
