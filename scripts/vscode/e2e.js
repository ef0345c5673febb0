'use strict';
// Drives VS Code's workbench like a person would (keyboard, mouse, what is on screen), for
// end-to-end tests and README screenshots. The extension is loaded from disk as in `npm start`.
//
//   const { openWorkbench } = require('./scripts/vscode/e2e');
//   const vsc = await openWorkbench({ extension: repoRoot });
//   await vsc.openFile('000_6f4b1c7feb585978.txt');
//   const text = await vsc.hoverWord('Blinken');
//   await vsc.clickActivity('Attaché');
//   await vsc.screenshot('docs/screenshots/hover.png');
//   await vsc.close();
//
// As a script it opens a seed article and saves a screenshot:
//   node scripts/vscode/e2e.js [--extension <dir>] [--file <name>] [--out <png>]

const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const paths = require('./paths');

// Faster hovers and no distractions in screenshots.
const e2eSettings = {
  'editor.hover.delay': 100,
  'workbench.tips.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Starts VS Code with the extension and a workspace (default: a temporary copy of seeds/) and
 * opens it in headless Chromium.
 * @param {object} [options]
 * @param {string} [options.extension] extension folder (default: the repository)
 * @param {string} [options.folder] workspace folder, used in place (default: a copy of seeds/)
 * @param {object} [options.settings] extra user settings
 * @param {{width: number, height: number}} [options.viewport]
 * @param {(line: string) => void} [options.log] receives the browser console (the workbench's log)
 */
async function openWorkbench({ extension = paths.repoRoot, folder, settings = {}, viewport = { width: 1280, height: 800 }, log } = {}) {
  const { ensureInstalled } = require('./install');
  const { startServer } = require('./server');
  const { launchBrowser } = require('./browser');

  await ensureInstalled();
  let workspaceRoot;
  if (!folder) {
    workspaceRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-e2e-'));
    folder = path.join(workspaceRoot, 'seeds');
    fs.cpSync(paths.seedsDir, folder, { recursive: true });
    process.on('exit', () => fs.rmSync(workspaceRoot, { recursive: true, force: true }));
  }
  const server = await startServer({ settings: { ...e2eSettings, ...settings } });
  let browser;
  // Closes the browser, stops the server and deletes the temporary workspace.
  const close = async () => {
    if (browser) await browser.close().catch(() => undefined);
    await server.stop();
    if (workspaceRoot) fs.rmSync(workspaceRoot, { recursive: true, force: true });
  };
  let page;
  try {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport });
    if (log) page.on('console', (message) => log(`[${message.type()}] ${message.text()}`));
    await page.goto(server.workbenchUrl({ folder, extensionDevelopmentPath: extension }));
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60000 });
    // The explorer lists the folder once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  } catch (error) {
    await close();
    throw error;
  }

  const activeEditor = page.locator('.part.editor .editor-instance .monaco-editor').first();

  return {
    page,
    folder,

    /** Opens a file through Quick Open (Ctrl+P) and waits until its tab is the active one. */
    async openFile(name) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(name) }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(name) }).waitFor();
      await activeEditor.locator('.view-lines').waitFor();
    },

    /** Runs a command by its title through the command palette (F1). */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },

    /**
     * Moves the mouse onto the first visible occurrence of `word` in the active editor and
     * returns the text of the hover that appears.
     */
    async hoverWord(word, { timeout = 10000 } = {}) {
      const box = await activeEditor.locator('.view-lines').evaluate((lines, wanted) => {
        // Long lines run on under the minimap and past the window: only what shows counts.
        const shown = lines.closest('.editor-scrollable').getBoundingClientRect();
        const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let at = node.textContent.indexOf(wanted); at >= 0; at = node.textContent.indexOf(wanted, at + 1)) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            const { x, y, width, height } = range.getBoundingClientRect();
            if (x >= shown.left && x + width <= shown.right && y >= shown.top && y + height <= shown.bottom) {
              return { x, y, width, height };
            }
          }
        }
        return undefined;
      }, word);
      if (!box) throw new Error(`"${word}" is not on the visible lines of the active editor`);
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      // Hovers come from the extension, which may still be activating: move off the word and
      // back onto it until one shows (moving off first makes the editor ask again).
      const deadline = Date.now() + timeout;
      for (;;) {
        await page.mouse.move(1, 1);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        const waitMs = Math.min(2000, deadline - Date.now());
        const shown = await hover.waitFor({ state: 'visible', timeout: Math.max(waitMs, 1) }).then(() => true, () => false);
        if (shown) return (await hover.innerText()).trim();
        if (Date.now() >= deadline) throw new Error(`no hover appeared over "${word}" within ${timeout} ms`);
      }
    },

    /** Clicks an activity bar entry (the icons on the left) whose aria-label starts with `label`. */
    async clickActivity(label) {
      const item = page.locator(`.part.activitybar .action-item a[aria-label^="${label.replace(/"/g, '\\"')}"]`).first();
      await item.click();
    },

    /** The cursor position the status bar shows, e.g. "Ln 3, Col 7". */
    async cursorPosition() {
      return (await page.locator('#status\\.editor\\.selection').innerText()).trim();
    },

    /** Saves a PNG of the whole window (an open hover stays in it); folders are created as needed. */
    async screenshot(file) {
      const target = path.resolve(paths.repoRoot, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, animations: 'disabled' });
      return target;
    },

    close,
  };
}

module.exports = { openWorkbench };

async function demo() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: paths.repoRoot },
      file: { type: 'string' },
      out: { type: 'string', default: 'docs/screenshots/workbench.png' },
    },
  });
  const file = values.file ?? fs.readdirSync(paths.seedsDir).filter((name) => name.endsWith('.txt')).sort()[0];
  const vsc = await openWorkbench({ extension: path.resolve(values.extension) });
  try {
    await vsc.openFile(file);
    console.log(`opened ${file}; cursor at ${await vsc.cursorPosition()}`);
    console.log(`screenshot: ${await vsc.screenshot(values.out)}`);
  } finally {
    await vsc.close();
  }
}

if (require.main === module) {
  demo().catch((error) => {
    console.error(`[e2e] ${error.message}`);
    process.exit(1);
  });
}
