import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/html/index.js';
import { CHROMIUM_PATH, launchChromium, waitForCharts } from '../../scripts/screenshotReport.mjs';
import { CLOSE_SCRIPT_ANSWER, HOSTILE_CASE, IMG_ANSWER, maliciousReportInput, SCRIPT_ANSWER } from '../report-html/maliciousRun.js';

/**
 * report.html in a real browser (Debian's chromium driven by playwright-core): the charts draw,
 * nothing is fetched, nothing logs an error, and hostile model output stays text.
 */
let folder: string;
let browser: Browser;
let page: Page;
let reportUrl: string;
const consoleErrors: string[] = [];
const pageErrors: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];

/*
 * Probes that run in the page. They are written as source text because the project compiles
 * for Node, without the DOM's types.
 */
/** Per canvas: its id, how many pixels are not transparent, and how many datasets its chart has. */
const PAINTED_PIXELS = `[...document.querySelectorAll('canvas')].map((canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let index = 3; index < data.length; index += 4) if (data[index] > 0) count += 1;
  return { id: canvas.id, count, datasets: Chart.getChart(canvas).data.datasets.length };
})`;
/** What an injection would leave behind: extra scripts, images, inline event handlers. */
const INJECTED_ELEMENTS = `({
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  eventHandlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
  bodyOnload: document.body.getAttribute('onload'),
})`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium); no browser is downloaded`);
  folder = mkdtempSync(join(tmpdir(), 'relaybench-report-'));
  const reportPath = join(folder, 'report.html');
  writeFileSync(reportPath, renderReport(maliciousReportInput()));
  reportUrl = pathToFileURL(reportPath).href;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(reportUrl);
  await waitForCharts(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

describe('report.html in headless Chromium', () => {
  it('draws every chart: each canvas has a Chart.js chart and thousands of painted pixels', async () => {
    const painted = (await page.evaluate(PAINTED_PIXELS)) as Array<{ id: string; count: number; datasets: number }>;
    expect(painted.map((canvas) => canvas.id)).toEqual(['chart-ttft', 'chart-first-answer', 'chart-total', 'chart-pass-rate', 'chart-thought-tokens']);
    for (const canvas of painted) {
      expect(canvas.count, canvas.id).toBeGreaterThan(5000);
      expect(canvas.datasets, canvas.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('logs no console error and throws no page error', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('requests nothing but the file itself', () => {
    expect(requests).toEqual([reportUrl]);
  });

  it('shows hostile answers as text in the grid cell once opened, and runs none of them', async () => {
    const cell = page
      .locator('table.grid tbody tr', { has: page.locator('th.case', { hasText: HOSTILE_CASE }) })
      .locator('td.cell')
      .first();
    const answer = cell.locator('pre.answer').first();
    await expect(answer.isVisible()).resolves.toBe(false);
    await cell.locator('summary').click();
    await expect(answer.isVisible()).resolves.toBe(true);
    const text = await answer.textContent();
    expect(text).toContain(SCRIPT_ANSWER);
    expect(text).toContain(IMG_ANSWER);
    expect(text).toContain(CLOSE_SCRIPT_ANSWER);
    expect(await cell.locator('pre.thought').first().textContent()).toMatch(/^\*\*Thinking\*\* about </);
    expect(await cell.locator('.reason').first().textContent()).toMatch(/^grader: expected Paris, got </);
  });

  it('fired no dialog and holds no injected element', async () => {
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(INJECTED_ELEMENTS);
    expect(injected).toEqual({ scripts: 3, images: 0, eventHandlers: 0, bodyOnload: null });
  });
});
