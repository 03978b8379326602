import type { Suite } from '../suite/types.js';
import { buildHttpRequest } from './request.js';
import { thinkingLongLabel } from './thinking.js';
import type { Job } from './types.js';

/** Header names whose whole value is treated as a secret, whatever it looks like. */
const SECRET_HEADER = /key|token|auth|secret|cookie|password/i;

/** Levels of the body shown one entry per line; deeper values are shown compact. */
const EXPANDED_LEVELS = 2;

/** Shown instead of a secret header's value (the same marker the redactor writes). */
const HIDDEN = '[REDACTED]';

/**
 * What `relaybench validate --show-requests` prints: for each relay, the method, URL, headers
 * and body of its first planned job, exactly as the client would send them. `redact` (built from
 * the relays' keys, see client/redact.ts) runs over all of it; headers whose name says they hold
 * a secret are hidden whole. The body is sent as compact JSON and shown indented two levels deep
 * (deeper values on one line each), which is still JSON.
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
    const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${SECRET_HEADER.test(name) ? hiddenValue(value) : value}`);
    const bytes = Buffer.byteLength(request.body);
    blocks.push(
      [
        `── ${relay.name}: job ${job.jobId} (case ${job.caseId}, thinking ${thinkingLongLabel(job.thinking)}, repeat ${job.repeat})`,
        `${request.method} ${request.url}`,
        ...headers,
        '',
        indentedJson(JSON.parse(request.body) as unknown, EXPANDED_LEVELS),
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

/** JSON with the first `levels` levels of objects and lists one entry per line, the rest compact. */
function indentedJson(value: unknown, levels: number, indent = ''): string {
  const isList = Array.isArray(value);
  const entries = isList ? value : value !== null && typeof value === 'object' ? Object.entries(value) : undefined;
  if (entries === undefined || levels === 0 || entries.length === 0) return JSON.stringify(value);
  const inner = `${indent}  `;
  const lines = isList
    ? (value as unknown[]).map((item) => `${inner}${indentedJson(item, levels - 1, inner)}`)
    : Object.entries(value as Record<string, unknown>).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${indentedJson(item, levels - 1, inner)}`);
  const [open, close] = isList ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}
