/**
 * run.json's `judge` record of a merged run (src/run/judging.ts JudgeReport): the parts' records
 * added up. Calls, failed calls by kind, tokens, decided / undecided / reused answers are summed;
 * `costUsd` is summed, or null when any part's judge had no price (its cost is unknown, so the
 * total is too); `meanAgreement` is the parts' agreements weighted by their decided answers (each
 * part's mean is over its own decisions); relay, model, template and the other settings come from
 * the first part that has a record (the parts ran one suite). Parts without a record add nothing;
 * undefined when none has one. Fields of the wrong type count as absent. Pure.
 */
export function mergeJudgeRecords(records: readonly unknown[]): Record<string, unknown> | undefined {
  const parts = records.filter((record): record is Record<string, unknown> => typeof record === 'object' && record !== null && !Array.isArray(record));
  const first = parts[0];
  if (first === undefined) return undefined;
  const total = (key: string): number => parts.reduce((sum, part) => sum + numberOr0(part[key]), 0);
  const tokens = { prompt: 0, thought: 0, answer: 0 };
  const failedCalls: Record<string, number> = {};
  let costUsd: number | null = 0;
  let agreementWeight = 0;
  let agreementSum = 0;
  for (const part of parts) {
    const partTokens = recordOf(part.tokens);
    tokens.prompt += numberOr0(partTokens.prompt);
    tokens.thought += numberOr0(partTokens.thought);
    tokens.answer += numberOr0(partTokens.answer);
    for (const [kind, count] of Object.entries(recordOf(part.failedCalls))) failedCalls[kind] = (failedCalls[kind] ?? 0) + numberOr0(count);
    const cost = part.costUsd;
    costUsd = costUsd === null || typeof cost !== 'number' || !Number.isFinite(cost) ? null : costUsd + cost;
    const agreement = part.meanAgreement;
    if (typeof agreement === 'number' && Number.isFinite(agreement)) {
      const weight = numberOr0(part.decided);
      agreementWeight += weight;
      agreementSum += agreement * weight;
    }
  }
  return {
    ...first,
    calls: total('calls'),
    failedCalls,
    tokens,
    costUsd: costUsd === null ? null : Math.round(costUsd * 1e9) / 1e9,
    decided: total('decided'),
    undecided: total('undecided'),
    reused: total('reused'),
    meanAgreement: agreementWeight === 0 ? null : agreementSum / agreementWeight,
  };
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
