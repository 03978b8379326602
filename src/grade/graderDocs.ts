import { GRADER_KEYS, modifiersOf } from '../suite/expectationSchema.js';
import { GRADERS } from './registry.js';

/**
 * docs/graders.md, rendered from the grader registry (registry.ts) and the expectation schema's
 * modifiers, so the list of graders a user reads is the list the code dispatches on.
 * test/grade/registry.test.ts fails when the file differs; `npx vitest run test/grade/registry.test.ts -u`
 * rewrites it. Returns Markdown ending in a newline.
 */
export function renderGraderDocs(): string {
  const rows = GRADER_KEYS.map((key) => {
    const grader = GRADERS[key];
    const modifiers =
      modifiersOf(key)
        .map((modifier) => `\`${modifier}\``)
        .join(', ') || '—';
    return `| \`${key}\` | ${modifiers} | ${cell(grader.summary)} | \`${cell(grader.example)}\` |`;
  });
  return [
    '# Graders',
    '',
    '<!-- Generated from src/grade/registry.ts by `npx vitest run test/grade/registry.test.ts -u`: edit the graders, not this file. -->',
    '',
    "A case's `expect:` names exactly one grader, with only the modifiers that grader takes; `all` and",
    '`any` combine others. Every grader returns pass, a score in [0, 1] and a one-line reason that shows',
    'expected and actual (the `pass`, `score` and `grader_reason` columns of requests.csv).',
    '',
    '| Grader | Modifiers | What passes | Example `expect:` |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Text safe inside a Markdown table cell: a `|` would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}
