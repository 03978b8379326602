import { describe, expect, it } from 'vitest';
import { rowFacts } from '../../src/analysis/rowFacts.js';
import { summarize } from '../../src/analysis/summary.js';
import type { RequestRow } from '../../src/runfolder/columns.js';

function row(relay: string, status: string, cost: string | undefined): RequestRow {
  return { relay, status, cost_usd: cost, model: 'gemini-2.5-flash', thinking_budget: '0', case_id: 'c', repeat: 1, job_id: `${relay}-${status}-${cost}` } as unknown as RequestRow;
}

describe('rowFacts', () => {
  const rows = [row('b', 'ok', undefined), row('a', 'ok', '0.1'), row('a', 'error', undefined), row('a', 'ok', ''), row('b', 'ok', ''), row('c', 'skipped', undefined)];
  const facts = rowFacts(rows, ['a', 'b', 'c']);

  it('counts rows and successful rows', () => {
    expect(facts.count).toBe(6);
    expect(facts.ok).toBe(4);
  });

  it('counts successful rows without cost_usd per relay, in first-seen order', () => {
    expect([...facts.uncosted]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('summarizes in the given relay order', () => {
    expect(facts.summary).toEqual(summarize(rows, ['a', 'b', 'c']));
  });
});
