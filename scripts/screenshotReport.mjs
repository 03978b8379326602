#!/usr/bin/env node
/**
 * Screenshots a relaybench report.html in headless Chromium (Debian's `chromium` package; no
 * browser is ever downloaded), after every chart has drawn:
 *
 *   node scripts/screenshotReport.mjs results/demo/<timestamp>/report.html docs/report.png
 *
 * The browser tests reuse `launchChromium`, so the flags that keep Chromium off the network live
 * in one place.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No GPU, no sandbox (CI runs as root), and none of Chromium's own background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Resolves once Chart.js has attached a chart to every canvas of the page. */
export async function waitForCharts(page) {
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll('canvas')];
    return canvases.length > 0 && canvases.every((canvas) => globalThis.Chart?.getChart(canvas) !== undefined);
  });
}

/**
 * Writes a PNG of the top of the report (header, verdicts and charts): what a README shows.
 * @param {{ width?: number, height?: number }} [options] viewport in CSS pixels.
 */
export async function screenshotReport(reportPath, pngPath, options = {}) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: options.height ?? 2400 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(resolve(reportPath)).href);
    await waitForCharts(page);
    await page.screenshot({ path: pngPath });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [reportPath, pngPath] = process.argv.slice(2);
  if (reportPath === undefined || pngPath === undefined) {
    process.stderr.write('usage: node scripts/screenshotReport.mjs <report.html> <output.png>\n');
    process.exit(2);
  }
  await screenshotReport(reportPath, pngPath);
  process.stdout.write(`${pngPath}\n`);
}
