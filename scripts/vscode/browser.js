'use strict';
// Headless Debian Chromium driven by playwright-core (never `npx playwright install`: it
// downloads a browser, which these machines cannot).
const paths = require('./paths');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile; close() the result when done. */
function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: paths.chromiumPath, headless: true, args: chromiumArgs });
}

module.exports = { launchBrowser };
