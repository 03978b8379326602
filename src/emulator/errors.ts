/**
 * Error responses in the shapes a relay client meets in the wild: Google's JSON error object
 * (pretty-printed, as Google sends it) and a reverse proxy's HTML page.
 */

/** The canonical `google.rpc.Code` names the emulator answers with (https://cloud.google.com/apis/design/errors). */
export type GoogleStatus = 'INVALID_ARGUMENT' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'NOT_FOUND' | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE';

/**
 * A Google API error (https://cloud.google.com/apis/design/errors): HTTP `code`, canonical
 * `status`, `message`, optional `details` (`google.rpc.RetryInfo`, `ErrorInfo`), and headers to send with it.
 */
export interface GoogleError {
  code: number;
  status: GoogleStatus;
  message: string;
  details?: Array<Record<string, unknown>>;
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
}

/** `{"error": {code, message, status, details?}}`, the object Google sends. */
export function googleErrorObject(error: GoogleError): { error: Record<string, unknown> } {
  const { code, message, status, details } = error;
  return { error: details === undefined ? { code, message, status } : { code, message, status, details } };
}

/** Google pretty-prints error bodies. */
export function googleErrorBody(error: GoogleError): string {
  return `${JSON.stringify(googleErrorObject(error), null, 2)}\n`;
}

/** 400 INVALID_ARGUMENT with `message`: a malformed request (e.g. budget 0 on 2.5 Pro). */
export const invalidArgument = (message: string): GoogleError => ({ code: 400, status: 'INVALID_ARGUMENT', message });

/** 404 NOT_FOUND with `message`. */
export const notFound = (message: string): GoogleError => ({ code: 404, status: 'NOT_FOUND', message });

/** 404 NOT_FOUND for an unknown `model` with Google's own wording; `method` is `generateContent` or `streamGenerateContent`. */
export function modelNotFound(model: string, method: string): GoogleError {
  return notFound(
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** 401 UNAUTHENTICATED: no API key at all, in Google's wording. */
export const missingKey = (): GoogleError => ({
  code: 401,
  status: 'UNAUTHENTICATED',
  message: "Method doesn't allow unregistered callers (callers without established identity). " + 'Please use API Key or other form of API consumer identity to call this API.',
});

/** What Google answers when an API key is sent as `Authorization: Bearer` (it expects OAuth there). */
export const bearerNotAccepted = (): GoogleError => ({
  code: 401,
  status: 'UNAUTHENTICATED',
  message:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie ' +
    'or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  details: [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
      metadata: { service: 'generativelanguage.googleapis.com', method: 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent' },
    },
  ],
});

/**
 * A wrong key. Google itself answers 400 INVALID_ARGUMENT with reason API_KEY_INVALID; the
 * emulator answers 403 PERMISSION_DENIED (same reason and message) so that an auth failure can
 * be told from a malformed request by its status alone.
 */
export const wrongKey = (): GoogleError => ({
  code: 403,
  status: 'PERMISSION_DENIED',
  message: 'API key not valid. Please pass a valid API key.',
  details: [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
  ],
});

/** 429 RESOURCE_EXHAUSTED with a `RetryInfo.retryDelay` and a `Retry-After` header of `retryAfterS` seconds. */
export const rateLimited = (retryAfterS: number): GoogleError => ({
  code: 429,
  status: 'RESOURCE_EXHAUSTED',
  message: 'Resource has been exhausted (e.g. check quota).',
  details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterS}s` }],
  headers: { 'retry-after': String(retryAfterS) },
});

/** 500 INTERNAL, in Google's wording. */
export const internalError = (): GoogleError => ({
  code: 500,
  status: 'INTERNAL',
  message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
});

/** 503 UNAVAILABLE ("The model is overloaded"), in Google's wording. */
export const unavailable = (): GoogleError => ({
  code: 503,
  status: 'UNAVAILABLE',
  message: 'The model is overloaded. Please try again later.',
});

/** The page nginx serves when its upstream fails: what a relay's proxy shows instead of JSON. */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' + '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
