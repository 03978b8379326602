import { createHash } from 'node:crypto';
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
  return createHash('sha256')
    .update(canonicalJson({ caseId, relay, model, thinking, repeat, body }))
    .digest('hex')
    .slice(0, 16);
}
