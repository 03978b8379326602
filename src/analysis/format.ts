/**
 * The evidence-string formats of the verdicts under their first names, kept so
 * `analysis/verdicts/*` (rewritten on another branch) needs no edit. They are the one format
 * module's functions (`src/format/`); new code imports those, by their precise names.
 */
export {
  countValues,
  formatCounts,
  msAdaptive as formatMs,
  percentAdaptive as formatShare,
  pValueEquation as formatP,
  tokenCount as formatTokens,
} from '../format/index.js';
