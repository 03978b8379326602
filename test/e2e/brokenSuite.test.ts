import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** A broken suite exits 2 with file:line:col for every problem, and not one request leaves. */
describe('a broken suite', () => {
  it('exits 2, names every problem by file:line:col, and sends nothing', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-broken-'));
    // The first relay and the first case are valid: a run that sent anything before validating would reach the server.
    writeFileSync(
      join(folder, 'suite.yaml'),
      `name: broken
model: gemini-2.5-flash
relays:
  - { name: ok, baseUrl: "http://127.0.0.1:${port}", apiKey: k-123456 }
  - { name: bad, baseUrl: "http://127.0.0.1:${port}", apiKey: "\${NOT_SET_ANYWHERE}" }
cases:
  - { id: good, prompt: "1+1?", expect: { number: 2 } }
  - { id: good, prompt: "2+2?", expect: { regex: "(" } }
`,
    );
    try {
      const result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('has 3 problems; nothing was sent');
      expect(result.stderr).toMatch(/suite\.yaml:5:\d+ {2}relays\[1\]\.apiKey: environment variable NOT_SET_ANYWHERE is not set/);
      expect(result.stderr).toMatch(/suite\.yaml:8:\d+ {2}cases\[1\]\.id: duplicate case id "good"/);
      expect(result.stderr).toMatch(/suite\.yaml:8:\d+ {2}cases\[1\]\.expect\.regex: invalid regular expression/);
      expect(requests).toBe(0);

      const usage = await runCli(['run']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain("missing required argument 'suite'");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
