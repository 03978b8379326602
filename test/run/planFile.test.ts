import { describe, expect, it } from 'vitest';
import { explainPlanChange, type PlannedJob } from '../../src/runfolder/planFile.js';

const job = (caseId: string, relay: string, thinking: string, repeat: number, id = `${caseId}-${relay}-${thinking}-${repeat}`): PlannedJob => ({
  job_id: id,
  case_id: caseId,
  relay,
  model: 'm',
  thinking,
  repeat,
});

describe('explainPlanChange', () => {
  const saved = [job('a', 'r1', 'budget 0', 1), job('a', 'r1', 'budget 1024', 1), job('b', 'r1', 'budget 0', 1), job('b', 'r1', 'budget 1024', 1)];

  it('says nothing when the plans hold the same jobs, in any order', () => {
    expect(explainPlanChange(saved, [...saved].reverse())).toEqual([]);
  });

  it('names added and removed settings, cases and relays', () => {
    const current = [job('a', 'r2', 'budget 0', 1), job('a', 'r2', 'budget 8192', 1), job('c', 'r2', 'budget 0', 1)];
    expect(explainPlanChange(saved, current)).toEqual([
      'case added: c',
      'case removed: b',
      'relay added: r2',
      'relay removed: r1',
      'thinking setting added: budget 8192',
      'thinking setting removed: budget 1024',
    ]);
  });

  it('names the cases whose request changed at the same coordinates', () => {
    const current = saved.map((entry) => (entry.case_id === 'b' ? { ...entry, job_id: `${entry.job_id}-new-prompt` } : entry));
    expect(explainPlanChange(saved, current)).toEqual(['request changed (prompt, system instruction, generation config or relay shape) for: b on r1']);
  });
});
