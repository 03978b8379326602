import { hash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { Job } from './types.js';

/** What identifies a job: never the key or the base URL, so rotating either keeps ids (and baselines). */
export type JobIdentity = Pick<Job, 'caseId' | 'relay' | 'model' | 'thinking' | 'repeat' | 'body'>;

/**
 * 16 hex characters of a SHA-256 over the job's identity and request body. The model is part of
 * it because it is part of the request (in the URL), even when the body does not name it.
 */
export function jobIdOf(identity: JobIdentity): string {
  const { caseId, relay, model, thinking, repeat, body } = identity;
  return hash('sha256', canonicalJson({ caseId, relay, model, thinking, repeat, body }), 'hex').slice(0, 16);
}

/**
 * `jobIdOf` for every repeat of one request, with the request serialised once: the canonical JSON
 * of `{ body, caseId, model, relay, repeat, thinking }` (keys in that sorted order) is the same
 * text around the repeat number, so only the number and the hash are per job. Returns exactly
 * what `jobIdOf({ ...identity, repeat })` returns (test/plan/jobId.test.ts checks both agree).
 */
export function jobIdsOf(identity: Omit<JobIdentity, 'repeat'>): (repeat: number) => string {
  const { caseId, relay, model, thinking, body } = identity;
  // An absent field is left out of canonical JSON; the general path handles that case.
  if ([caseId, relay, model, thinking, body].includes(undefined as never)) return (repeat) => jobIdOf({ ...identity, repeat });
  const head = `{"body":${canonicalJson(body)},"caseId":${canonicalJson(caseId)},"model":${canonicalJson(model)},"relay":${canonicalJson(relay)},"repeat":`;
  const tail = `,"thinking":${canonicalJson(thinking)}}`;
  // crypto.hash (Node >= 20.12): the one-shot digest, about half the cost of createHash per job.
  return (repeat) => hash('sha256', `${head}${canonicalJson(repeat)}${tail}`, 'hex').slice(0, 16);
}
