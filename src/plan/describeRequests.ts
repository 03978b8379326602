import type { Suite } from '../suite/types.js';
import { buildHttpRequest } from './request.js';
import { thinkingLabel } from './thinking.js';
import type { Job } from './types.js';

/** Header names whose whole value is treated as a secret, whatever it looks like. */
const SECRET_HEADER = /key|token|auth|secret|cookie|password/i;

/** Shown instead of a secret header's value (the same marker the redactor writes). */
const HIDDEN = '[REDACTED]';

/**
 * What `relaybench validate --show-requests` prints: for each relay, the method, URL, headers
 * and body of its first planned job, exactly as the client would send them. `redact` (built from
 * the relays' keys, see client/redact.ts) runs over all of it; headers whose name says they hold
 * a secret are hidden whole. The body is sent as compact JSON and shown indented.
 * Emulated relays show their placeholder address: the run replaces it with the emulator's.
 */
export function describeRequests(suite: Suite, jobs: readonly Job[], redact: (text: string) => string): string {
  const blocks: string[] = [];
  for (const relay of suite.relays) {
    const job = jobs.find((candidate) => candidate.relay === relay.name);
    if (job === undefined) {
      blocks.push(`${relay.name}: no job planned`);
      continue;
    }
    const request = buildHttpRequest(relay, job);
    const headers = Object.entries(request.headers).map(
      ([name, value]) => `${name}: ${SECRET_HEADER.test(name) ? hiddenValue(value) : value}`,
    );
    const bytes = Buffer.byteLength(request.body);
    blocks.push(
      [
        `── ${relay.name}: job ${job.jobId} (case ${job.caseId}, thinking ${thinkingLabel(job.thinking)}, repeat ${job.repeat})`,
        `${request.method} ${request.url}`,
        ...headers,
        '',
        JSON.stringify(JSON.parse(request.body) as unknown, null, 2),
        `(sent as compact JSON, ${bytes} bytes)`,
      ].join('\n'),
    );
  }
  return redact(blocks.join('\n\n'));
}

/** `Bearer [REDACTED]` keeps the scheme, which is worth seeing; anything else is hidden whole. */
function hiddenValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s+/i.exec(value);
  return scheme === null ? HIDDEN : `${scheme[0]}${HIDDEN}`;
}
