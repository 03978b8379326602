import { describe, expect, it } from 'vitest';
import { filterRecord, NO_FILTER } from '../../src/plan/filter.js';

describe('filterRecord (run.json filter)', () => {
  it.each([
    [NO_FILTER, {}],
    [{ ...NO_FILTER, relay: ['a'] }, { filter: { ...NO_FILTER, relay: ['a'], flags: '--relay a', suitePlanned: 12 } }],
    [{ ...NO_FILTER, case: ['x y'], thinking: ['1024'] }, { filter: { ...NO_FILTER, case: ['x y'], thinking: ['1024'], flags: "--case 'x y' --thinking 1024", suitePlanned: 12 } }],
  ])('%o', (filter, record) => {
    expect(filterRecord(filter, 12)).toEqual(record);
  });
});
