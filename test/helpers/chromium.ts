// Debian's Chromium for the page tests, headless, with nothing that reaches outside this
// machine (.ci/run installs it; without it the page tests are skipped with this reason).

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** False when Chromium is there, else why the page tests are skipped. */
export const chromiumSkip: string | false = existsSync(CHROMIUM) ? false : 'Chromium is not installed (.ci/run installs it with apt-get install chromium)';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
