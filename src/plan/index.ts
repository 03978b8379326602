export { expandPlan } from './expand.js';
export { buildGeminiBody } from './body.js';
export { buildHttpRequest } from './request.js';
export { describePlan } from './describe.js';
export { describeRequests } from './describeRequests.js';
export { jobIdOf } from './jobId.js';
export type { JobIdentity } from './jobId.js';
export { thinkingLongLabel, thinkingSettingsOf } from './thinking.js';
