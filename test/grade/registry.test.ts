import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exemplarAnswer, grade } from '../../src/grade/index.js';
import { renderGraderDocs } from '../../src/grade/graderDocs.js';
import { GRADERS, graderKeyOf } from '../../src/grade/registry.js';
import { COMBINATOR_KEYS, GRADER_KEYS, childExpectations, expectationSchema } from '../../src/suite/expectationSchema.js';
import { loadSuite } from '../../src/suite/index.js';
import type { Expectation } from '../../src/suite/types.js';

/** The grader keys the expectation schema itself asks for when a mapping names none (its own message, not a constant). */
function keysTheSchemaAsksFor(): unknown {
  const result = expectationSchema.safeParse({});
  const issue = result.error?.issues.find((candidate) => candidate.code === 'custom');
  return (issue as { params?: { wantsOneOf?: unknown } } | undefined)?.params?.wantsOneOf;
}

/** Every node of an expectation tree, the combinators' children included. */
function nodesOf(expectation: Expectation): Expectation[] {
  return [expectation, ...childExpectations(expectation).flatMap(nodesOf)];
}

describe('the grader registry', () => {
  it('holds exactly the grader keys the expectation schema accepts, in its order', () => {
    expect(Object.keys(GRADERS)).toEqual(GRADER_KEYS);
    expect(keysTheSchemaAsksFor()).toEqual(Object.keys(GRADERS));
  });

  it('the combinators are the graders whose value is a list of expectations', () => {
    expect(COMBINATOR_KEYS).toEqual(['all', 'any']);
    expect(childExpectations({ all: [{ equals: 'a' }, { any: [{ number: 1 }] }] })).toEqual([{ equals: 'a' }, { any: [{ number: 1 }] }]);
    expect(childExpectations({ equals: 'a' })).toEqual([]);
  });

  it.each(GRADER_KEYS)('%s: its entry carries its own key', (key) => {
    expect(GRADERS[key].key).toBe(key);
  });

  it.each(GRADER_KEYS)('%s: a value of the schema with only this key passes validation and dispatches to it', (key) => {
    const example: unknown = parse(GRADERS[key].example);
    const parsed = expectationSchema.safeParse(example);
    expect(parsed.error?.issues).toBeUndefined();
    expect(graderKeyOf(parsed.data as Expectation)).toBe(key);
  });

  it('an expectation with no grader key is an error naming its keys, not a silent pass', () => {
    expect(() => grade('x', { nope: 1 } as unknown as Expectation)).toThrow('expectation has no grader key (it has ["nope"]');
  });

  it('docs/graders.md is rendered from the registry (update: npx vitest run test/grade/registry.test.ts -u)', async () => {
    await expect(renderGraderDocs()).toMatchFileSnapshot('../../docs/graders.md');
  });

  it("the README's Graders section names every grader", async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Graders\n'), readme.indexOf('\n## ', readme.indexOf('\n## Graders\n') + 1));
    expect(GRADER_KEYS.filter((key) => !section.includes(`\`${key}\``))).toEqual([]);
  });

  it.each(['arithmetic', 'reasoning', 'demo', 'open-ended', 'load-demo'])(
    'suites/%s.yaml: every expectation node has a registered grader and an exemplar that passes it',
    async (name) => {
      const env = { GOOGLE_API_KEY: 'k', GPTPLUS5_API_KEY: 'k', QUICKROUTER_API_KEY: 'k', KKIAI_API_KEY: 'k', GPTPROTO_API_KEY: 'k', APIGO_API_KEY: 'k' };
      const suite = await loadSuite(`suites/${name}.yaml`, { env });
      const nodes = suite.cases.flatMap((testCase) => (testCase.expect === undefined ? [] : nodesOf(testCase.expect)));
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        expect(Object.keys(GRADERS)).toContain(graderKeyOf(node));
        const answer = exemplarAnswer(node);
        // A judge is only decided by its verdicts (the emulator's facts judge inside exemplar.ts).
        const judged = nodesOf(node).some((child) => 'judge' in child);
        if (answer !== undefined && !judged) expect(grade(answer, node)?.pass).toBe(true);
      }
    },
  );
});
