import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, escapeHtml, renderReport, scriptJson } from '../../src/report/html/index.js';
import { CLOSE_SCRIPT_ANSWER, IMG_ANSWER, maliciousReportInput, SCRIPT_ANSWER } from './maliciousRun.js';

const input = maliciousReportInput();
const page = renderReport(input);
/** Counts instead of `toContain`, so a failure does not print the whole megabyte-sized page. */
const occurrences = (text: string): number => page.split(text).length - 1;

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('embeds JSON that no </script> or <!-- can break out of, and that parses back unchanged', () => {
    const value = { answer: `${CLOSE_SCRIPT_ANSWER}\u2028` };
    const embedded = scriptJson(value);
    expect(embedded).not.toMatch(/[<\u2028]/);
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

describe('renderReport', () => {
  it('shows hostile model output only as escaped text', () => {
    expect(occurrences(SCRIPT_ANSWER)).toBe(0);
    expect(occurrences(IMG_ANSWER)).toBe(0);
    expect(occurrences('<body onload')).toBe(0);
    expect(occurrences(escapeHtml(SCRIPT_ANSWER))).toBeGreaterThan(0);
    expect(occurrences(escapeHtml(IMG_ANSWER))).toBeGreaterThan(0);
    expect(occurrences(escapeHtml(CLOSE_SCRIPT_ANSWER))).toBeGreaterThan(0);
  });

  it('has exactly its own three script elements: chart data, Chart.js and the drawing code', () => {
    expect(page.match(/<script\b/gi)).toHaveLength(3);
    expect(page.match(/<\/script/gi)).toHaveLength(3);
    expect(occurrences('<script type="application/json" id="chart-data">')).toBe(1);
  });

  it('loads nothing from anywhere: no src or event attributes, in-page links only, and a no-network CSP', () => {
    // Real tags only: escaped text has no raw `<`, and the inline scripts are left out.
    const tags = page.replace(/<script>[\s\S]*?<\/script>/g, '').match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(500);
    expect(tags.filter((tag) => /\s(src|on[a-z]+)\s*=/i.test(tag))).toEqual([]);
    expect(tags.flatMap((tag) => [...tag.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]?.[0]))).toEqual(Array(7).fill('#'));
    expect(occurrences(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`)).toBe(1);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:/);
  });

  it('inlines Chart.js and a canvas for each chart', () => {
    expect(occurrences('Chart.js v4')).toBe(1);
    expect(occurrences('sourceMappingURL')).toBe(0);
    for (const id of ['chart-ttft', 'chart-first-answer', 'chart-total', 'chart-pass-rate', 'chart-thought-tokens']) {
      expect(occurrences(`<canvas id="${id}"`), id).toBe(1);
    }
  });

  it('has the header, every table, and a grid cell per case, relay and setting', () => {
    for (const text of [
      'relaybench report: synthetic',
      'synthetic-run',
      '3 cases × 3 relays × 4 thinking settings',
      'CI gates',
      'minPassRate',
      'relay html-errors',
      'Relay verdicts',
      'Budget advice',
      'Relay comparison',
      'Summary',
      'Per-case grid',
    ]) {
      expect(occurrences(text), text).toBeGreaterThan(0);
    }
    expect(page.match(/<td class="cell /g)).toHaveLength(3 * 3 * 4);
    expect(occurrences('<td class="verdict fail"><span class="badge">FAIL</span><div class="evidence">36 of 36 multi-chunk responses arrived in one burst')).toBe(1);
  });

  it("lists the summary in the suite's relay order, as the verdicts are, then by thinking rank (issue 18)", () => {
    const rowHeads = (tableClass: string): string[] => {
      const start = page.indexOf(`<table class="${tableClass}">`);
      const table = page.slice(start, page.indexOf('</table>', start));
      return [...table.matchAll(/<th scope="row">([^<]*)</g)].map((match) => match[1] as string);
    };
    const summaryRelays = [...new Set(rowHeads('summary'))];
    expect(summaryRelays).toEqual(['honest', 'fake-stream', 'html-errors']);
    expect(rowHeads('verdicts')).toEqual(summaryRelays);
    const start = page.indexOf('<table class="summary">');
    const summary = page.slice(start, page.indexOf('</table>', start));
    const honestSettings = [...summary.matchAll(/<th scope="row">honest<\/th><td>[^<]*<\/td><td>([^<]*)</g)].map((match) => match[1]);
    expect(honestSettings).toEqual(['0', '1024', '8192', 'dynamic']);
  });

  it('is deterministic: the same input renders the same bytes', () => {
    expect(renderReport(input) === page).toBe(true);
  });
});
