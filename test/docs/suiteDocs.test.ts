import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseInputSchema } from '../../src/suite/caseSchema.js';
import { GRADER_KEYS } from '../../src/suite/expectationSchema.js';
import { generationConfigSchema } from '../../src/suite/generationConfigSchema.js';
import { judgeInputSchema } from '../../src/suite/judgeSchema.js';
import { loadSchema } from '../../src/suite/loadSchema.js';
import { relayInputSchema } from '../../src/suite/relaySchema.js';
import { suiteInputSchema } from '../../src/suite/suiteSchema.js';

const SUITE_DOC = readFileSync(fileURLToPath(new URL('../../docs/suite.md', import.meta.url)), 'utf8');

/** The text of the `## heading` section, up to the next heading of any level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) throw new Error(`docs/suite.md has no "## ${heading}" section`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('#'));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

/** Every backticked name in the first column of the section's first table, sorted. */
function tableKeys(markdown: string, heading: string): string[] {
  const rows = section(markdown, heading)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2);
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] as string)).sort();
}

/** The keys of a zod object schema (through a `.default()` wrapper), sorted. */
function schemaKeys(schema: unknown): string[] {
  const inner = (schema as { unwrap?: () => unknown }).unwrap?.() ?? schema;
  return Object.keys((inner as z.ZodObject).shape).sort();
}

describe('docs/suite.md documents exactly the keys the suite schemas accept', () => {
  it.each([
    ['Top level', suiteInputSchema],
    ['Cases', caseInputSchema],
    ['Relays', relayInputSchema],
    ['load', loadSchema],
    ['judge', judgeInputSchema],
    ['ci', suiteInputSchema.shape.ci],
  ])('## %s', (heading, schema) => {
    expect(tableKeys(SUITE_DOC, heading)).toEqual(schemaKeys(schema));
  });

  it('## Expectations lists every grader', () => {
    expect(tableKeys(SUITE_DOC, 'Expectations')).toEqual([...GRADER_KEYS].sort());
  });

  it('## generationConfig names every GenerationConfig field the schema accepts', () => {
    const text = section(SUITE_DOC, 'generationConfig');
    expect(schemaKeys(generationConfigSchema).filter((key) => !text.includes(`\`${key}\``))).toEqual([]);
  });
});
