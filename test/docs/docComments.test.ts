import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowListKey, findUndocumentedExports } from './undocumentedExports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ALLOW_LIST = fileURLToPath(new URL('undocumented.txt', import.meta.url));

/**
 * `undocumented.txt`: exports not yet documented, one `path name` a line (`#` comments). It may only
 * shrink: an entry that is documented now, or no longer exists, fails the test until it is removed.
 *
 * After files are moved or renamed, `UPDATE_UNDOCUMENTED=1 npx vitest run test/docs/docComments.test.ts`
 * rewrites the list from the current source (keeping its `#` header). Review its diff: it should
 * only rename or delete lines; a new line is a new undocumented export, which should get its comment instead.
 */
function readAllowList(): string[] {
  return readFileSync(ALLOW_LIST, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

if (process.env.UPDATE_UNDOCUMENTED === '1') {
  const header = readFileSync(ALLOW_LIST, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('#'));
  writeFileSync(ALLOW_LIST, `${[...header, ...findUndocumentedExports(ROOT).map(allowListKey)].join('\n')}\n`);
}

describe('doc comments on exports', () => {
  const undocumented = findUndocumentedExports(ROOT);
  const allowed = new Set(readAllowList());

  it('every exported function, class, interface, type, const and enum in src/ has a JSDoc comment', () => {
    const missing = undocumented.filter((entry) => !allowed.has(allowListKey(entry))).map((entry) => `${entry.path}:${entry.line} ${entry.name}`);
    expect(missing, `exports without a /** doc comment */ (shapes, units, errors thrown, sources):\n${missing.join('\n')}\n`).toEqual([]);
  });

  it('the allow-list only shrinks: each entry is still an undocumented export', () => {
    const stillMissing = new Set(undocumented.map(allowListKey));
    const stale = [...allowed].filter((key) => !stillMissing.has(key));
    expect(stale, `remove these lines from test/docs/undocumented.txt (documented, moved or gone):\n${stale.join('\n')}\n`).toEqual([]);
  });

  it('the scanner sees an undocumented export and accepts a documented one', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'doc-comments-'));
    mkdirSync(join(dir, 'src', 'x'), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'x', 'a.ts'),
      [
        '/** Documented. */',
        'export function documented(): void {}',
        'export function bare(): void {}',
        '// a line comment is not a doc comment',
        'export const LINE = 1;',
        '/** */',
        'export type Empty = string;',
        'export interface Shape { a: number }',
        'export class Thing {}',
        'export enum Colour { Red }',
        "export { documented as alias } from './a.js';",
        'function local(): void {}',
        '/** @param n ms */',
        'export function tagged(n: number): number { return n; }',
      ].join('\n'),
    );
    expect(findUndocumentedExports(dir).map((entry) => `${entry.path}:${entry.line} ${entry.name}`)).toEqual([
      'src/x/a.ts:3 bare',
      'src/x/a.ts:5 LINE',
      'src/x/a.ts:7 Empty',
      'src/x/a.ts:8 Shape',
      'src/x/a.ts:9 Thing',
      'src/x/a.ts:10 Colour',
    ]);
  });
});
