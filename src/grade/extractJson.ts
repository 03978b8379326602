/**
 * Finds the JSON value in a model's answer. Models wrap JSON in prose ("Here is the result: …")
 * and in markdown code fences, so the answer is tried, in order: as a whole; the content of each
 * ``` fence; then each balanced `{…}` or `[…]` block from the left (the first that parses wins).
 *
 * Only the first 50 opening brackets are tried, so a long answer full of braces costs linear, not
 * quadratic, time.
 */
const MAX_BLOCK_STARTS = 50;
const FENCE = /```[^\n`]*\n?([\s\S]*?)```/g;

/**
 * The JSON value in `answer` for the `json` grader (docs/graders.md), found by the order in the file
 * comment above: whole answer, each ``` fence, then balanced `{…}`/`[…]` blocks (first 50 tried).
 * Returns `{ value }` (the parsed JSON, which may be `null` or a scalar) or undefined when nothing
 * parses. Never throws: unparseable text is a grading result, not an error.
 */
export function extractJson(answer: string): { value: unknown } | undefined {
  const candidates = [answer, ...[...answer.matchAll(FENCE)].map((match) => match[1] ?? '')];
  for (const candidate of candidates) {
    const parsed = tryParse(candidate);
    if (parsed !== undefined) return parsed;
  }
  let starts = 0;
  for (let index = 0; index < answer.length && starts < MAX_BLOCK_STARTS; index++) {
    if (answer[index] !== '{' && answer[index] !== '[') continue;
    starts++;
    const end = balancedEnd(answer, index);
    const parsed = end === undefined ? undefined : tryParse(answer.slice(index, end + 1));
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function tryParse(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside JSON strings. */
function balancedEnd(text: string, start: number): number | undefined {
  const open: string[] = [];
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      open.push(char === '{' ? '}' : ']');
    } else if (char === '}' || char === ']') {
      if (open.pop() !== char) return undefined;
      if (open.length === 0) return index;
    }
  }
  return undefined;
}
