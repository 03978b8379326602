import type { ResolvedRelay } from '../suite/types.js';
import type { HttpRequest, Job } from './types.js';

/**
 * The wire request of a job for its relay: the key goes where the relay's auth modes say
 * (several at once when a relay documents several), framing picks `alt=sse`. Extra relay
 * headers are merged last, lower-cased, so they can override but never duplicate ours.
 * A `modelInBody` relay names the model in the body only, leaving the path segment empty, as
 * gptproto documents (`/v1beta/models/:streamGenerateContent`); a relay that wants it in both
 * places sets `modelInBody: false` and `body: { model: ... }`.
 */
export function buildHttpRequest(relay: ResolvedRelay, job: Job): HttpRequest {
  const query = new URLSearchParams();
  if (relay.stream === 'sse') query.set('alt', 'sse');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (relay.apiKey !== undefined) {
    if (relay.auth.includes('query')) query.set('key', relay.apiKey);
    if (relay.auth.includes('header')) headers['x-goog-api-key'] = relay.apiKey;
    if (relay.auth.includes('bearer')) headers['authorization'] = `Bearer ${relay.apiKey}`;
  }
  for (const [name, value] of Object.entries(relay.headers)) headers[name.toLowerCase()] = value;
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return {
    method: 'POST',
    url: `${relay.baseUrl}/v1beta/models/${relay.modelInBody ? '' : job.model}:streamGenerateContent${search}`,
    headers,
    body: JSON.stringify(job.body),
  };
}
