/**
 * The judge's answer, read against the schema relaybench asks for (`responseSchema` in
 * run/judgeRequest.ts): `{"pass": boolean, "score": number in [0, 1], "reason": string}`.
 * Gemini's structured output normally guarantees the shape, but relays drop `responseSchema`,
 * models refuse, and output is cut at maxOutputTokens, so every deviation is named here.
 */
export interface JudgeVerdict {
  pass: boolean;
  score: number;
  reason: string;
}

/** A judge answer read against the schema (`pass`, `score` 0..1, `reason`), or the problem that made it unusable. */
export type ParsedVerdict = { ok: true; verdict: JudgeVerdict } | { ok: false; problem: string };

/** How much of an off-schema answer a reason quotes. */
const QUOTE_CHARS = 80;

/**
 * Reads the judge's answer text. Tolerates what a model wraps JSON in (a ```json fence,
 * surrounding whitespace) and nothing else: prose around the object is "not JSON", since a
 * verdict buried in prose is the judge not following its instructions. Problems name the field.
 */
export function parseJudgeVerdict(text: string): ParsedVerdict {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/u, '$1')
    .trim();
  if (trimmed === '') return { ok: false, problem: 'answered nothing' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: `answered outside the schema (not JSON): ${quote(trimmed)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `answered outside the schema (not a JSON object): ${quote(trimmed)}` };
  }
  const record = value as Record<string, unknown>;
  const pass = record.pass;
  const score = record.score;
  const reason = record.reason;
  if (pass === undefined) return { ok: false, problem: 'answered outside the schema: "pass" missing' };
  if (typeof pass !== 'boolean') return { ok: false, problem: `answered outside the schema: "pass" is ${JSON.stringify(pass)}, not true/false` };
  if (score === undefined) return { ok: false, problem: 'answered outside the schema: "score" missing' };
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
    return { ok: false, problem: `answered outside the schema: "score" is ${JSON.stringify(score)}, not a number from 0 to 1` };
  }
  if (typeof reason !== 'string') return { ok: false, problem: `answered outside the schema: "reason" ${reason === undefined ? 'missing' : 'is not text'}` };
  return { ok: true, verdict: { pass, score, reason: reason.trim() } };
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat);
}
