/** Bodies shared by the decoder tests. */

export const GOOD_CHUNK = '{"candidates":[{"content":{"parts":[{"text":"Hello"}],"role":"model"},"index":0}]}';
export const SECOND_CHUNK = '{"candidates":[{"content":{"parts":[{"text":" world"}],"role":"model"},"index":0}]}';

export const GOOGLE_429 = {
  error: {
    code: 429,
    message: 'Resource has been exhausted (e.g. check quota).',
    status: 'RESOURCE_EXHAUSTED',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12s' },
    ],
  },
};

export const GOOGLE_429_INFO = {
  shape: 'google',
  httpCode: 429,
  status: 'RESOURCE_EXHAUSTED',
  message: 'Resource has been exhausted (e.g. check quota).',
  retryAfterMs: 12000,
};
