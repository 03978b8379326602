import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every file under `dir` whose name ends in one of `extensions`, relative to the repository. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The files a user who cloned the repository reads for the contract: README, docs/ and src/ comments. */
const DOC_FILES = ['README.md', ...filesUnder('docs', ['.md'])];
const SOURCE_FILES = filesUnder('src', ['.ts', '.md']);

/** GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdownFile: string): Set<string> {
  const text = readFileSync(join(ROOT, markdownFile), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => githubAnchor(match[1] as string)));
}

/** A problem with `target` (a repository path with an optional `#anchor`) named in `from`, or undefined. */
function brokenLink(from: string, target: string, base: string): string | undefined {
  const [path = '', anchor] = target.split('#');
  const file =
    path === ''
      ? from
      : relative(ROOT, resolve(join(ROOT, base), path))
          .split('\\')
          .join('/');
  if (file.startsWith('..')) return `${from}: ${target} is outside the repository`;
  if (!existsSync(join(ROOT, file))) return `${from}: ${target}: no such file`;
  if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(anchor)) return `${from}: ${target}: no heading #${anchor} in ${file}`;
  return undefined;
}

describe('the docs a clone has', () => {
  it('no README, docs or src file refers to a path outside the repository', () => {
    const outside = /DESIGN\.md|\.\.\/shared\/|\/work\//;
    const found = [...DOC_FILES, ...SOURCE_FILES].flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (outside.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('every relative Markdown link in README.md and docs/ reaches a file and heading of the repository', () => {
    const broken = DOC_FILES.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1] as string)
        .filter((target) => !/^[a-z]+:/.test(target))
        .map((target) => brokenLink(file, target, dirname(file)))
        .filter((problem): problem is string => problem !== undefined);
    });
    expect(broken).toEqual([]);
  });

  it('every docs/… or README.md#… a src comment names exists, with its heading', () => {
    const broken = SOURCE_FILES.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(/\b((?:docs\/[\w.-]+\.md|README\.md)(?:#[\w-]+)?)/g)]
        .map((match) => match[1] as string)
        .filter((target) => !file.endsWith('.md') || target.startsWith('docs/'))
        .map((target) => brokenLink(file, target, '.'))
        .filter((problem): problem is string => problem !== undefined);
    });
    expect(broken).toEqual([]);
  });

  it('anchors follow GitHub: punctuation dropped, spaces to hyphens, underscores kept', () => {
    expect(githubAnchor('requests.csv')).toBe('requestscsv');
    expect(githubAnchor('.relaybench.lock')).toBe('relaybenchlock');
    expect(githubAnchor('Judge grader: open-ended answers')).toBe('judge-grader-open-ended-answers');
    expect(githubAnchor('cost_usd')).toBe('cost_usd');
    expect(githubAnchor('Time origin (t0)')).toBe('time-origin-t0');
    expect(githubAnchor('Check the relays first: `relaybench check`')).toBe('check-the-relays-first-relaybench-check');
  });
});
