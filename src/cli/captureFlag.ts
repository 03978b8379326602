import { FlagError } from '../errors/index.js';
import { CAPTURE_POLICIES } from '../run/captures.js';
import { didYouMean } from '../suite/didYouMean.js';
import type { CapturePolicy } from '../suite/types.js';

/** Parses `--capture none|failed|all`; anything else is exit 2 naming the choices. */
export function captureMode(value: string): CapturePolicy {
  const found = CAPTURE_POLICIES.find((policy) => policy === value.trim().toLowerCase());
  if (found !== undefined) return found;
  const hint = didYouMean(value, CAPTURE_POLICIES);
  throw new FlagError('--capture', value, `none, failed or all${hint === undefined ? '' : ` (${hint})`}; nothing was sent`);
}
