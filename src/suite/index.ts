export { loadSuite } from './loadSuite.js';
export type { LoadSuiteOptions } from './loadSuite.js';
export { SuiteError, formatSuiteIssues } from './issues.js';
export type { SuiteIssue } from './issues.js';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_RETRY, DEFAULT_TIMEOUTS, EMULATOR_API_KEY, emulatorBaseUrl } from './resolveRelay.js';
