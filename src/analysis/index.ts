export { budgetAdvice, type BudgetAdvice, type BudgetAdviceOptions, type SettingOutcome } from './budgetAdvice.js';
export { compareRelays, NO_DIFFERENCE, type CompareRelaysOptions, type MedianComparison, type PassRateComparison, type RelayComparison } from './compareRelays.js';
export { BUDGET_COLUMNS, budgetsCsv, VERDICT_COLUMNS, verdictsCsv } from './csv.js';
export { parseRunManifest, type RunManifest } from './manifest.js';
export { compareSettings, observedSettingOf, settingsOf, type ObservedSetting } from './thinkingSetting.js';
export { VERDICT_KEYS, VERDICT_LABELS, type RelayVerdict, type Verdict, type VerdictKey, type VerdictResult } from './types.js';
export { relayOrder, relayVerdicts } from './verdicts/index.js';
export { canDisableThinking, isSameModel } from './verdicts/modelName.js';
export { columnValues, distinct, medianOf, okRows, thoughtTokensOf } from './rowValues.js';
