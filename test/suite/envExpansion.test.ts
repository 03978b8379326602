import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpRequest, expandPlan } from '../../src/plan/index.js';
import { expandEnv, expandRelayConfig } from '../../src/suite/expandEnv.js';
import { SuiteError, loadSuite } from '../../src/suite/index.js';
import { makeTempFolder, type TempFolder } from './tempFiles.js';

const ENV = { KEY: 'k-123', HOST: 'relay.example', EMPTY: '' };

describe('the ${NAME} grammar in relay settings', () => {
  it.each([
    ['${KEY}', 'k-123'],
    ['Bearer ${KEY}', 'Bearer k-123'],
    ['https://${HOST}/v1', 'https://relay.example/v1'],
    ['${KEY}${KEY}', 'k-123k-123'],
    ['${EMPTY}', ''],
    ['$${KEY}', '${KEY}'],
    ['a$$b', 'a$b'],
    ['$$', '$'],
    ['5 $ each', '5 $ each'],
    ['ends in $', 'ends in $'],
    ['no variables', 'no variables'],
  ])('%j → %j', (text, expanded) => {
    expect(expandEnv(text, ENV, '.env')).toEqual({ value: expanded, issues: [] });
  });

  it.each([
    ['${KEY:-fallback}', 'unsupported ${KEY…} at character 1'],
    ['${KEY:?missing key}', 'unsupported ${KEY…} at character 1'],
    ['${KEY-x}', 'unsupported ${KEY…} at character 1'],
    ['${ }', 'unsupported ${…} at character 1'],
    ['${}', 'unsupported ${…} at character 1'],
    ['${1KEY}', 'unsupported ${…} at character 1'],
    ['x ${KEY', 'unterminated ${ at character 3'],
    ['$KEY', 'bare $ before a name at character 1 (not expanded: write ${NAME})'],
    ['${UNSET}', 'environment variable UNSET is not set'],
  ])('%j is an error: %s', (text, message) => {
    const result = expandEnv(text, ENV, '.env');
    expect(result.value).toBe(text);
    expect(result.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('never echoes what follows the name in unsupported syntax (it may be a secret)', () => {
    const result = expandEnv('${KEY:-sk-live-secret}', ENV, '.env');
    expect(JSON.stringify(result.issues)).not.toContain('secret');
  });

  it('expands only apiKey, baseUrl, proxy and header values of a relay entry', () => {
    const entry = {
      name: '${KEY}',
      apiKey: '${KEY}',
      baseUrl: 'https://${HOST}',
      proxy: 'http://${HOST}:8080',
      headers: { 'X-${KEY}': '${KEY}' },
      model: '${KEY}',
      body: { labels: { a: '${KEY}' } },
    };
    expect(expandRelayConfig(entry, ENV, '.env').value).toEqual({
      name: '${KEY}',
      apiKey: 'k-123',
      baseUrl: 'https://relay.example',
      proxy: 'http://relay.example:8080',
      headers: { 'X-${KEY}': 'k-123' },
      model: '${KEY}',
      body: { labels: { a: '${KEY}' } },
    });
  });
});

describe('loadSuite: ${NAME} only where configuration belongs', () => {
  let folder: TempFolder;
  beforeAll(async () => {
    folder = await makeTempFolder();
  });
  afterAll(async () => {
    await folder.remove();
  });

  const RELAY = '{ name: r, baseUrl: "http://127.0.0.1:9/${PATH_PART}", apiKey: "${RB_KEY}", headers: { X-Team: "${TEAM}" } }';
  const suite = (relay = RELAY): string => `name: env
description: "about \${HOME}"
model: gemini-2.5-flash
systemInstruction: "You run as \${USER} in \${HOME}"
generationConfig: { stopSequences: ["\${HOME}"] }
relays:
  - ${relay}
cases:
  - id: home
    prompt: "what does \${HOME} expand to?"
    expect: { contains: "\${HOME}" }
  - id: turns
    systemInstruction: "\${SECRET_TOKEN}"
    contents: [{ role: user, parts: [{ text: "\${SECRET_TOKEN} and $\${HOME}" }] }]
    expect: { regex: "\\\\$\\\\{HOME\\\\}" }
`;

  it('sends prompts, contents, system instructions and expectations as written, and plans the same job ids in any environment', async () => {
    const file = await folder.write('env.yaml', suite());
    const common = { RB_KEY: 'k-1', TEAM: 'bench', PATH_PART: 'base' };
    const here = await loadSuite(file, { env: { ...common, HOME: '/root', USER: 'root', SECRET_TOKEN: 'sk-secret' } });
    const there = await loadSuite(file, { env: { ...common, HOME: '/home/ci', USER: 'ci' } });

    const [home, turns] = here.cases;
    expect(home?.prompt).toBe('what does ${HOME} expand to?');
    expect(home?.expect).toEqual({ contains: '${HOME}' });
    expect(turns?.systemInstruction).toBe('${SECRET_TOKEN}');
    expect(turns?.prompt).toBe('${SECRET_TOKEN} and $${HOME}');
    expect(here.systemInstruction).toBe('You run as ${USER} in ${HOME}');
    expect(here.description).toBe('about ${HOME}');

    const jobs = expandPlan(here);
    expect(jobs.map((job) => job.jobId)).toEqual(expandPlan(there).map((job) => job.jobId));
    const request = buildHttpRequest(here.relays[0]!, jobs[0]!);
    expect(request.body).not.toContain('/root');
    expect(request.body).toContain('what does ${HOME} expand to?');
    expect(request.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/base\//);
    expect(request.headers['x-team']).toBe('bench');
    expect(request.headers['x-goog-api-key']).toBe('k-1');
  });

  it.each([
    ['apiKey', '{ name: r, apiKey: "${RB_KEY:-default-key}" }', '7:24 relays[0].apiKey: unsupported ${RB_KEY…} at character 1'],
    ['proxy', '{ name: r, apiKey: k, proxy: "http://${PROXY_HOST:?set it}" }', '7:34 relays[0].proxy: unsupported ${PROXY_HOST…} at character 8'],
    ['header', '{ name: r, apiKey: k, headers: { X-Team: "${ }" } }', '7:46 relays[0].headers.X-Team: unsupported ${…} at character 1'],
    ['baseUrl', '{ name: r, apiKey: k, baseUrl: "http://${HOST" }', '7:36 relays[0].baseUrl: unterminated ${ at character 8'],
    ['bare', '{ name: r, apiKey: "$RB_KEY" }', '7:24 relays[0].apiKey: bare $ before a name at character 1 (not expanded: write ${NAME})'],
  ])('unsupported syntax in %s is a load error at its line and column', async (name, relay, message) => {
    const file = await folder.write(`bad-${name}.yaml`, suite(relay));
    const error = await loadSuite(file, { env: { RB_KEY: 'k', TEAM: 't', PATH_PART: 'p' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteError);
    const issues = (error as SuiteError).issues.map((issue) => `${issue.line}:${issue.col} ${issue.path}: ${issue.message}`);
    expect(issues).toEqual([message]);
  });
});
