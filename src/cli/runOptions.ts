import type { FinishCiOptions } from '../gate/finish.js';
import type { CapturePolicy } from '../suite/types.js';
import type { PlanFilter } from '../plan/filter.js';

/** The flags of `relaybench run` after parsing (cli/program.ts), shared by the closed-loop and load paths. */
export interface RunCommandOptions {
  out?: string;
  concurrency?: number;
  repeats?: number;
  verbose?: boolean;
  resume?: string;
  force?: boolean;
  maxErrorRate?: number;
  emulatorLog?: string;
  shard?: string;
  /** `--max-cost`: spending cap in USD for the whole run (rows kept by a resume count). */
  maxCost?: number;
  /** `--relay/--case/--tag/--thinking`: run a slice of the plan; job ids are the full plan's. */
  filter?: PlanFilter;
  /** `--capture`: overrides the suite's `capture:` (default `failed`). */
  capture?: CapturePolicy;
  /** CI: flags on top of the suite's `ci:` block (see `relaybench gate`). */
  ci?: FinishCiOptions;
}
