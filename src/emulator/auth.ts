import type { IncomingHttpHeaders } from 'node:http';
import { bearerNotAccepted, missingKey, wrongKey, type GoogleError } from './errors.js';
import type { RelayRuntime } from './relays.js';

/**
 * Checks the key where the relay's preset says it goes: `x-goog-api-key`, `Authorization:
 * Bearer`, or `?key=`. A key sent elsewhere counts as missing, so a harness that shapes requests
 * wrongly for a relay finds out against the emulator. Returns null when the request may proceed.
 */
export function checkAuth(relay: RelayRuntime, headers: IncomingHttpHeaders, query: URLSearchParams): GoogleError | null {
  const headerKey = headers['x-goog-api-key'];
  const bearerKey = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '')?.[1];
  const queryKey = query.get('key');

  // Google reads a Bearer credential as an OAuth token, and an API key is not one.
  if (relay.preset === 'google' && !relay.auth.includes('bearer') && bearerKey !== undefined) {
    return bearerNotAccepted();
  }
  const presented: string[] = [];
  if (relay.auth.includes('header') && typeof headerKey === 'string' && headerKey !== '') presented.push(headerKey);
  if (relay.auth.includes('bearer') && bearerKey !== undefined) presented.push(bearerKey);
  if (relay.auth.includes('query') && queryKey !== null && queryKey !== '') presented.push(queryKey);

  if (presented.length === 0) return missingKey();
  if (relay.apiKey !== undefined && presented.some((key) => key !== relay.apiKey)) return wrongKey();
  return null;
}
