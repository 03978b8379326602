import type { RequestFailure } from '../client/types.js';
import type { RelayCheck } from './probe.js';

/** The cells of one relay's line in `relaybench check`'s table, and what is wrong in words. */
export interface CheckVerdict {
  /** `yes (N chunks)`, `no (N chunks at once)`, `? (1 chunk)` (too short an answer to tell) or `-`. */
  streamed: string;
  /** The relay answered with a Gemini stream: what `check`'s exit code counts. */
  answered: boolean;
  reachable: 'yes' | 'no';
  /** `yes` on a 2xx, `no` on 401/403 or a 400 about the key, `?` when the request never got that far. */
  keyAccepted: 'yes' | 'no' | '?';
  /** One line: the failure's cause and what to do, or a warning on an answer (not streamed). Undefined when all is well. */
  diagnosis: string | undefined;
}

/**
 * Node's and undici's connection error codes, in a user's words. Sources: Node's "Common system
 * errors" (nodejs.org/api/errors.html), OpenSSL's X509 verify codes as Node names them, undici's
 * error codes (undici.nodejs.org, "Errors").
 */
const CONNECTION_CODES: Record<string, string> = {
  ENOTFOUND: 'DNS: the host name was not found (ENOTFOUND); check the spelling of baseUrl',
  EAI_AGAIN: 'DNS: the name server did not answer (EAI_AGAIN); check the network or try again',
  EAI_FAIL: 'DNS: the name lookup failed (EAI_FAIL); check baseUrl',
  ECONNREFUSED: 'connection refused (ECONNREFUSED): nothing listens on that host and port; check the port in baseUrl, or the relay is down',
  ECONNRESET: 'the relay closed the connection before answering (ECONNRESET); a firewall, a proxy, or https/http mixed up',
  EHOSTUNREACH: 'no route to the host (EHOSTUNREACH); check the network, VPN or proxy',
  ENETUNREACH: 'the network is unreachable (ENETUNREACH); check the network, VPN or proxy',
  ETIMEDOUT: 'the TCP connection timed out (ETIMEDOUT); a firewall drops the packets, or the host is wrong',
  EPIPE: 'the relay closed the connection while the request was sent (EPIPE)',
  UND_ERR_SOCKET: 'the relay closed the connection before answering; a firewall, a proxy, or https/http mixed up',
  UND_ERR_CLOSED: 'the connection was closed before the answer arrived',
  CERT_HAS_EXPIRED: "TLS: the relay's certificate has expired (CERT_HAS_EXPIRED)",
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: the relay presents a self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: a self-signed certificate in the chain (SELF_SIGNED_CERT_IN_CHAIN); a corporate proxy? set NODE_EXTRA_CA_CERTS',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: the certificate chain is incomplete (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS: the certificate's issuer is not trusted here (UNABLE_TO_GET_ISSUER_CERT_LOCALLY); set NODE_EXTRA_CA_CERTS",
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: the certificate is for another host name (ERR_TLS_CERT_ALTNAME_INVALID); check the host in baseUrl',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS: the server did not speak TLS (ERR_SSL_WRONG_VERSION_NUMBER); use http:// for this port, or the https port',
  EPROTO: 'TLS: the handshake failed (EPROTO); https:// to a plain-http port?',
};

/** Says what one check request found: the table's cells and a one-line diagnosis. Pure. */
export function diagnoseCheck(check: RelayCheck): CheckVerdict {
  const { failure, httpStatus, metrics } = check;
  const streamed =
    metrics.chunks === 0 ? '-' : metrics.chunks === 1 ? '? (1 chunk)' : check.chunkArrivals > 1 ? `yes (${metrics.chunks} chunks)` : `no (${metrics.chunks} chunks at once)`;
  const reachable = httpStatus !== undefined || (failure !== undefined && !unreachable(failure)) ? 'yes' : 'no';
  const keyAccepted = httpStatus === undefined ? '?' : httpStatus < 300 ? 'yes' : keyRejected(httpStatus, failure) ? 'no' : '?';
  if (failure !== undefined) return { answered: false, streamed, reachable, keyAccepted, diagnosis: describeFailure(failure, check) };
  if (metrics.chunks === 0) return { answered: false, streamed, reachable, keyAccepted, diagnosis: 'HTTP 200 but no Gemini chunk in the body' };
  const warnings: string[] = [];
  if (metrics.chunks > 1 && check.chunkArrivals <= 1)
    warnings.push(`not streamed: all ${metrics.chunks} chunks arrived at once (the relay buffers the answer), so time to first token is the relay's whole time`);
  if (metrics.modelVersion === undefined) warnings.push('no modelVersion in the stream: which model answered cannot be checked');
  return { answered: true, streamed, reachable, keyAccepted, diagnosis: warnings.length === 0 ? undefined : warnings.join('; ') };
}

function unreachable(failure: RequestFailure): boolean {
  return failure.kind === 'connection' || (failure.kind === 'timeout' && failure.timeout === 'connectMs');
}

/** Google answers a bad key with 400 INVALID_ARGUMENT "API key not valid" (reason API_KEY_INVALID), relays with 401 or 403. */
function keyRejected(status: number, failure: RequestFailure | undefined): boolean {
  return status === 401 || status === 403 || (status === 400 && /api[ _-]?key|API_KEY_INVALID|unauthori[sz]ed|token/i.test(failure?.message ?? ''));
}

function describeFailure(failure: RequestFailure, check: RelayCheck): string {
  const status = failure.httpStatus;
  const relaySaid = relayMessage(failure.message);
  switch (failure.kind) {
    case 'connection':
      return failure.errorCode !== undefined && CONNECTION_CODES[failure.errorCode] !== undefined
        ? `${CONNECTION_CODES[failure.errorCode]} (${check.origin})`
        : `${failure.message} (${check.origin})`;
    case 'timeout':
      return failure.timeout === 'connectMs'
        ? `no TCP/TLS connection to ${check.origin} within timeouts.connectMs; a firewall, or the wrong host or port`
        : failure.timeout === 'firstByteMs'
          ? 'connected, but no response headers within timeouts.firstByteMs; the relay is overloaded or hangs'
          : `${failure.message}; the relay stalled mid-answer`;
    case 'blocked':
      return `${failure.message}; the relay answered, but refused this prompt (try another first case)`;
    case 'aborted':
      return 'interrupted';
    case 'skipped':
      return failure.message;
    case 'http':
      if (failure.shape === 'html') return `HTTP ${status}: an HTML page, not the Gemini API; baseUrl probably points at a website (login, dashboard or parked domain)`;
      if (status !== undefined && keyRejected(status, failure)) return `key rejected (HTTP ${status}): ${relaySaid}; check apiKey and auth (header, bearer or query)`;
      if (status === 404) return `model or path not found (HTTP 404) for ${check.model}: ${relaySaid}; check the model name and baseUrl's path`;
      if (status === 429) return `rate limited or out of quota (HTTP 429): ${relaySaid}`;
      if (status === 402) return `payment required (HTTP 402): ${relaySaid}; top up the relay account`;
      if (status === 405) return `method not allowed (HTTP 405): ${relaySaid}; baseUrl probably points at the wrong path`;
      if (status !== undefined && status >= 500) return `the relay failed (HTTP ${status}): ${relaySaid}`;
      return `HTTP ${status ?? '?'}: ${relaySaid}`;
    case 'stream':
      if (failure.shape === 'html') return `HTTP ${status ?? '?'} with an HTML page instead of a stream; baseUrl probably points at a website`;
      if (/^(invalid-json|not-gemini):/.test(failure.message))
        return `wrong framing: the body is not a Gemini stream (${failure.message}); check stream: (sse or json-array) and that baseUrl is the Gemini API`;
      if (/^truncated:/.test(failure.message)) return `the stream ended in the middle of an event (${failure.message})`;
      // A bare JSON or text body that is no error we know: some other API (OpenAI's shape, a non-streaming endpoint).
      if (/^error in stream/.test(failure.message) && failure.shape !== 'google' && failure.relayErrorCode === undefined && !failure.midStream) {
        return `wrong framing: the body is not a Gemini stream (${failure.message.replace(/^error in stream after HTTP \d+:\s*/, '').slice(0, 100)}); check stream: (sse or json-array) and that baseUrl is the Gemini API`;
      }
      if (/^error in stream/.test(failure.message)) return `the relay sent an error inside its 200 stream: ${failure.message}`;
      return failure.message;
  }
}

/** The relay's own words from `HTTP 403 PERMISSION_DENIED: <message>`, cut to one short line. */
function relayMessage(message: string): string {
  const text = message.replace(/^HTTP \d+( [A-Z_]+)?: /, '').trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text === '' ? '(no message)' : `"${text}"`;
}
