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
    if (relay.auth.includes('bearer')) headers.authorization = `Bearer ${relay.apiKey}`;
  }
  for (const [name, value] of Object.entries(relay.headers)) headers[name.toLowerCase()] = value;
  return {
    method: 'POST',
    url: streamUrl(relay.baseUrl, relay.modelInBody ? '' : job.model, query),
    headers,
    body: JSON.stringify(job.body),
  };
}

/**
 * `{baseUrl}/v1beta/models/{model}:streamGenerateContent?{query}` (an empty model segment for a
 * relay that names the model in the body, as gptproto documents), built with the WHATWG URL API:
 * the model is one path segment (percent-encoded with encodeURIComponent, RFC 3986 §3.3), appended
 * to the base URL's own path; the base URL's own query parameters are kept and ours (`alt`, `key`)
 * are set through URLSearchParams, which encodes them (a key holding `&` or `#` stays one value).
 * The suite loader has already refused model ids outside `[A-Za-z0-9._-]` (suite/modelName.ts),
 * since a segment such as `..` or `%2e%2e` is resolved by URL parsers whatever the escaping.
 */
export function streamUrl(baseUrl: string, model: string, query: URLSearchParams): string {
  const url = new URL(baseUrl);
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(model)}:streamGenerateContent`;
  for (const [name, value] of query) url.searchParams.set(name, value);
  return url.href;
}
