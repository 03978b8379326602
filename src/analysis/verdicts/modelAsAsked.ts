import { countValues, formatCounts } from '../../format/index.js';
import { okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { isSameModel } from './modelName.js';

/**
 * Model as asked: does every answer's `modelVersion` name the requested model (or a release of
 * it)? A single answer from another model fails the relay: a silent swap to a cheaper model is
 * exactly what this check exists to catch, and Google itself never answers with another model.
 */
export function modelAsAskedVerdict({ rows }: RelayEvidence): VerdictResult {
  const named = okRows(rows).filter((row) => row.model_version !== undefined && row.model_version !== '');
  if (named.length === 0) return notApplicable('no successful response named its model (modelVersion missing)');
  const swapped = named.filter((row) => !isSameModel(String(row.model), String(row.model_version)));
  const asked = [...new Set(named.map((row) => String(row.model)))].join(', ');
  if (swapped.length === 0) {
    const served = countValues(named.map((row) => String(row.model_version)));
    const servedText = served.size === 1 ? [...served.keys()].join('') : formatCounts(served);
    return judged(false, `all ${named.length} responses name the model asked for: ${servedText} (asked ${asked})`);
  }
  const served = formatCounts(countValues(swapped.map((row) => String(row.model_version))));
  return judged(true, `${swapped.length} of ${named.length} responses report another model: ${served} (asked ${asked})`);
}
