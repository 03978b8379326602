import { describe, expect, it } from 'vitest';
import {
  decideByVote,
  exemplarAnswer,
  factsVerdict,
  grade,
  parseJudgeVerdict,
  renderJudgePrompt,
  wrongAnswer,
  type JudgeCallResult,
  type JudgeVerdicts,
} from '../../src/grade/index.js';
import type { Expectation } from '../../src/suite/types.js';

/** Every way a judge's answer can miss the schema, and what the reason must name. */
describe('parseJudgeVerdict', () => {
  it.each([
    ['{"pass": true, "score": 1, "reason": "all there"}', { pass: true, score: 1, reason: 'all there' }],
    ['```json\n{"reason": "r", "pass": false, "score": 0.25}\n```', { pass: false, score: 0.25, reason: 'r' }],
    ['  {"pass": false, "score": 0, "reason": "  none  "}\n', { pass: false, score: 0, reason: 'none' }],
  ])('reads %j', (text, verdict) => {
    expect(parseJudgeVerdict(text)).toEqual({ ok: true, verdict });
  });

  it.each([
    ['', 'answered nothing'],
    ['   ', 'answered nothing'],
    ['{"pass": true, "score": 1, "reason": "cut', 'not JSON'],
    ["I'm sorry, but I can't help with grading this.", 'not JSON'],
    ['The answer passes. {"pass": true, "score": 1, "reason": "x"}', 'not JSON'],
    ['[{"pass": true}]', 'not a JSON object'],
    ['"pass"', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['{"score": 1, "reason": "x"}', '"pass" missing'],
    ['{"pass": "yes", "score": 1, "reason": "x"}', '"pass" is "yes"'],
    ['{"pass": 1, "score": 1, "reason": "x"}', '"pass" is 1'],
    ['{"pass": true, "reason": "x"}', '"score" missing'],
    ['{"pass": true, "score": 7, "reason": "x"}', '"score" is 7'],
    ['{"pass": true, "score": -0.5, "reason": "x"}', '"score" is -0.5'],
    ['{"pass": true, "score": "0.9", "reason": "x"}', '"score" is "0.9"'],
    ['{"pass": true, "score": 1}', '"reason" missing'],
    ['{"pass": true, "score": 1, "reason": 3}', '"reason" is not text'],
  ])('names the problem in %j', (text, problem) => {
    const parsed = parseJudgeVerdict(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

const vote = (pass: boolean, score: number, reason = pass ? 'good' : 'bad'): JudgeCallResult => ({ ok: true, verdict: { pass, score, reason } });
const failed = (problem: string): JudgeCallResult => ({ ok: false, problem });

describe('decideByVote', () => {
  it.each<[string, JudgeCallResult[], number | undefined, boolean | undefined, number | undefined]>([
    ['one pass', [vote(true, 0.9)], undefined, true, undefined],
    ['one fail', [vote(false, 0.2)], undefined, false, undefined],
    ['2 of 3 pass', [vote(true, 1), vote(false, 0.4), vote(true, 0.8)], undefined, true, 2 / 3],
    ['3 of 3 fail', [vote(false, 0), vote(false, 0.1), vote(false, 0.2)], undefined, false, 1],
    ['a tie is undecided', [vote(true, 1), vote(false, 0)], undefined, undefined, undefined],
    ['every call failed', [failed('timed out (firstByteMs)'), failed('timed out (firstByteMs)')], undefined, undefined, undefined],
    ['failed calls are not votes', [failed('call failed: HTTP 503'), vote(false, 0.3)], undefined, false, undefined],
    ['threshold overrides the judge pass', [vote(false, 0.8)], 0.75, true, undefined],
    ['threshold fails a pass below it', [vote(true, 0.5)], 0.75, false, undefined],
    ['threshold at the score passes', [vote(false, 0.75)], 0.75, true, undefined],
  ])('%s', (_, results, threshold, pass, agreement) => {
    const outcome = decideByVote(results, threshold);
    expect(outcome.decision.pass).toBe(pass);
    if (agreement !== undefined) expect(outcome.agreement).toBeCloseTo(agreement);
    if (pass === undefined) expect(outcome.decision.score).toBeUndefined();
  });

  it('says what happened when no vote counts, and the mean score when one does', () => {
    expect(decideByVote([failed('timed out (totalMs)')], undefined).decision.reason).toBe('judge timed out (totalMs)');
    expect(decideByVote([vote(true, 1), vote(false, 0.2)], undefined).decision.reason).toContain('judge split 1–1');
    const mixed = decideByVote([vote(true, 1), vote(true, 0.6), failed('refused: prompt blocked: SAFETY')], undefined);
    expect(mixed.decision).toMatchObject({ pass: true, score: 0.8 });
    expect(mixed.decision.reason).toContain('1 of 3 calls failed: refused: prompt blocked: SAFETY');
  });
});

describe('grade with judge decisions', () => {
  const rubric = { judge: 'Mentions X.' } as const;
  const decided =
    (pass: boolean | undefined): JudgeVerdicts =>
    () =>
      pass === undefined ? { pass: undefined, score: undefined, reason: 'judge timed out' } : { pass, score: pass ? 1 : 0, reason: `judge ${pass}` };

  it.each<[string, Expectation, boolean | undefined, boolean | undefined]>([
    ['judge alone, decided', rubric, true, true],
    ['judge alone, undecided', rubric, undefined, undefined],
    ['all: a failed sibling decides despite an undecided judge', { all: [{ contains: 'nope' }, rubric] }, undefined, false],
    ['all: passing siblings and an undecided judge stay undecided', { all: [{ contains: 'answer' }, rubric] }, undefined, undefined],
    ['all: passing siblings and a passing judge pass', { all: [{ contains: 'answer' }, rubric] }, true, true],
    ['all: judge fails', { all: [{ contains: 'answer' }, rubric] }, false, false],
    ['any: a passing sibling decides despite an undecided judge', { any: [{ contains: 'answer' }, rubric] }, undefined, true],
    ['any: failing siblings and an undecided judge stay undecided', { any: [{ contains: 'nope' }, rubric] }, undefined, undefined],
    ['any: judge passes', { any: [{ contains: 'nope' }, rubric] }, true, true],
    ['nested: all of any', { all: [{ any: [{ contains: 'nope' }, rubric] }, { contains: 'answer' }] }, false, false],
  ])('%s', (_, expectation, judgePass, pass) => {
    const result = grade('the answer', expectation, decided(judgePass));
    expect(result?.pass).toBe(pass);
    if (pass === undefined) expect(result?.score).toBeUndefined();
    else expect(typeof result?.score).toBe('number');
  });

  it('without decisions a judge is undecided, never a silent fail', () => {
    expect(grade('x', rubric)).toEqual({ pass: undefined, score: undefined, reason: 'judge: no verdict' });
  });
});

describe('the emulated judge (facts)', () => {
  it.each([
    [['sequence numbers', 'both directions'], 'Both sides exchange Sequence  Numbers in both directions.', true, 1],
    [['sequence numbers', 'both directions'], 'It syncs sequence numbers.', false, 0.5],
    [['a'], 'nothing', false, 0],
    [[], 'anything', false, 0],
  ])('%j in %j', (facts, answer, pass, score) => {
    expect(factsVerdict(facts, answer)).toMatchObject({ pass, score });
  });

  it('the answer key has a right and a wrong answer for a judged case with facts', () => {
    const expectation: Expectation = { judge: { rubric: 'r', facts: ['alpha', 'beta', 'gamma'] } };
    const right = exemplarAnswer(expectation);
    expect(right).toBeDefined();
    expect(factsVerdict(['alpha', 'beta', 'gamma'], right ?? '').pass).toBe(true);
    for (const seed of [0, 1, 2, 3]) expect(factsVerdict(['alpha', 'beta', 'gamma'], wrongAnswer(expectation, seed)).pass).toBe(false);
    expect(exemplarAnswer({ judge: 'no facts' })).toBeUndefined();
  });
});

describe('renderJudgePrompt', () => {
  it('fills each placeholder once and never expands placeholders inside the answer', () => {
    const text = renderJudgePrompt('Q={{question}} R={{rubric}} A={{answer}}', { question: 'why?', rubric: 'says {{answer}}', answer: 'because {{rubric}}' });
    expect(text).toBe('Q=why? R=says {{answer}} A=because {{rubric}}');
  });
});
