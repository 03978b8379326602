import { Command, CommanderError, type Option } from 'commander';
import type { FinishCiOptions } from '../gate/finish.js';
import { FlagError, fileSystemError, RelaybenchError } from '../errors/index.js';
import { EXIT } from './exitCodes.js';
import { filterFromOptions, withFilterOptions } from './filterFlags.js';
import { captureMode } from './captureFlag.js';
import { decimal, nonEmpty, rate, seedNumber, shardText, wholeNumber } from './flagValues.js';

/** The CI flags shared by `run` and `gate`; `errorRateFlag` differs because `run` uses --max-error-rate for something else. */
function withGateOptions(command: Command, errorRateFlag: '--max-error-rate' | '--max-gate-error-rate'): Command {
  return command
    .option('--baseline <dir>', 'compare with an earlier run of the suite, job by job (exact McNemar, Holm): exit 1 when quality credibly dropped')
    .option('--junit <file>', 'write JUnit XML: one testcase per case, relay and thinking setting')
    .option('--min-pass-rate <rate>', 'gate: fail (exit 1) below this pass rate, overall and per relay (overrides ci.minPassRate)', rate('--min-pass-rate'))
    .option(`${errorRateFlag} <rate>`, 'gate: fail (exit 1) above this error rate (overrides ci.maxErrorRate)', rate(errorRateFlag))
    .option(
      '--alpha <p>',
      'with --baseline: significance level of the comparison (default 0.05)',
      decimal('--alpha', { min: 0, max: 1, openLow: true, openHigh: true }, 'a probability between 0 and 1 (exclusive), e.g. 0.05'),
    )
    .option(
      '--latency-gate <pct>',
      "with --baseline: fail when a relay's p50 or p90 latency rose by more than this percentage",
      decimal('--latency-gate', { min: 0 }, 'a percentage of at least 0, e.g. 20'),
    )
    .option('--per-thinking', 'gate each (relay, thinking setting) too, not only overall and per relay')
    .option('--fail-on-flip', 'with --baseline: fail (exit 1) on any job that passed in the baseline and fails now, significant or not (overrides ci.failOnFlip)')
    .option('--allow-incomplete', 'pass the gates even when planned jobs are missing (a lost shard, an interruption, a relay given up); overrides ci.allowIncomplete');
}

/** Commander's parsed CI flags as finishCi options. */
function ciOptionsOf(options: Record<string, unknown>, errorRateKey: 'maxErrorRate' | 'maxGateErrorRate'): FinishCiOptions {
  const pick = <K extends keyof FinishCiOptions>(key: K, flag: string): Partial<FinishCiOptions> =>
    options[flag] === undefined ? {} : ({ [key]: options[flag] } as Partial<FinishCiOptions>);
  return {
    ...pick('baseline', 'baseline'),
    ...pick('junit', 'junit'),
    ...pick('minPassRate', 'minPassRate'),
    ...pick('maxErrorRate', errorRateKey),
    ...pick('alpha', 'alpha'),
    ...pick('latencyGatePct', 'latencyGate'),
    ...(options.perThinking === true ? { perThinking: true } : {}),
    ...(options.failOnFlip === true ? { failOnFlip: true } : {}),
    ...(options.allowIncomplete === true ? { allowIncomplete: true } : {}),
  };
}

/**
 * Commander's command with one change: an option given without its value (`--concurrency` last on
 * the line) is a {@link FlagError} saying what the flag accepts, like every other bad value.
 */
class RelaybenchCommand extends Command {
  override createCommand(name?: string): Command {
    return new RelaybenchCommand(name);
  }

  /** Called by commander (an undocumented but stable hook since v2) when a value is missing. */
  optionMissingArgument(option: Option): never {
    const accepts = (option.parseArg as { accepts?: string } | undefined)?.accepts ?? `a value (${option.description})`;
    throw new FlagError(option.long ?? option.flags, undefined, accepts);
  }
}

/** Builds the CLI; each action reports its exit code through `setExitCode`. */
function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new RelaybenchCommand()
    .name('relaybench')
    .description('Benchmark Gemini relays: latency with the thinking phase measured apart, honesty, thinking-budget accuracy, CI gates.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  const run = program
    .command('run')
    .description('run a suite: stream every job, measure, grade, and write results/<suite>/<timestamp>/')
    .argument('<suite>', 'suite YAML file')
    .option('--out <dir>', 'write the run here instead of results/<suite>/<UTC timestamp>/')
    .option('--concurrency <n>', "override the suite's global concurrency", wholeNumber('--concurrency', 1, 10_000))
    .option('--repeats <n>', "override the suite's repeats", wholeNumber('--repeats', 1, 1_000_000))
    .option('--resume <dir>', 'finish an interrupted run: skip jobs that already have a row, append the rest')
    .option('--force', 'with --resume: accept a changed plan, keep the old rows and run the missing jobs')
    .option('--max-error-rate <rate>', 'give up on a relay whose error rate exceeds this after 20 jobs (its remaining jobs become skipped rows)', rate('--max-error-rate'))
    .option('--shard <k/n>', 'run only shard k of n (a deterministic slice by job id); merge the shards with `relaybench merge`', shardText())
    .option(
      '--max-cost <usd>',
      'spending cap: start no job once finished cost plus the worst case of those in flight reaches it; saves and exits 3 (resume with a higher cap)',
      decimal('--max-cost', { min: 0, openLow: true }, 'an amount in USD above 0, e.g. 5 or 0.25 (no currency sign)'),
    )
    .option('--verbose', 'log each request (keys redacted) to stderr')
    .option('--emulator-log <file>', 'emulated relays: the emulator appends its ground truth (epoch µs of headers and each chunk) here');
  withFilterOptions(run);
  run.option(
    '--capture <mode>',
    "keep raw responses under captures/: none, failed (error rows, one sample per relay and thinking setting) or all; overrides the suite's capture:",
    (value: string) => captureMode(value),
  );
  // On `run`, --max-error-rate already means "give up on a relay"; its gate is --max-gate-error-rate.
  withGateOptions(run, '--max-gate-error-rate').action(async (suite: string, options: Record<string, unknown>) => {
    const { runCommand } = await import('./runCommand.js');
    setExitCode(await runCommand(suite, { ...options, ci: ciOptionsOf(options, 'maxGateErrorRate'), filter: filterFromOptions(options) }));
  });

  const gate = program
    .command('gate')
    .description('apply CI gates to a finished run folder (e.g. after merge): exit 1 when a gate fails or quality regressed')
    .argument('<dir>', 'run folder');
  withGateOptions(gate, '--max-error-rate').action(async (dir: string, options: Record<string, unknown>) => {
    const { gateCommand } = await import('./gateCommand.js');
    setExitCode(await gateCommand(dir, ciOptionsOf(options, 'maxErrorRate')));
  });

  program
    .command('merge')
    .description('join shard folders of one suite into a single run folder with one summary')
    .argument('<dirs...>', 'shard run folders')
    .requiredOption('--out <dir>', 'folder for the merged run')
    .action(async (dirs: string[], options: { out: string }) => {
      const { mergeCommand } = await import('./mergeCommand.js');
      setExitCode(await mergeCommand(dirs, options));
    });

  program
    .command('report')
    .description('rebuild report.html, verdicts.csv and budgets.csv of a run folder from its requests.csv (after a resume or merge)')
    .argument('<dir>', 'run folder')
    .action(async (dir: string) => {
      const { reportCommand } = await import('./reportCommand.js');
      setExitCode(await reportCommand(dir));
    });

  withFilterOptions(
    program
      .command('validate')
      .description('load and check a suite, print the plan; nothing is sent')
      .argument('<suite>', 'suite YAML file')
      .option('--show-requests', "print each relay's first request: method, URL, headers and body, keys redacted"),
  ).action(async (suite: string, options: Record<string, unknown>) => {
    const { validateCommand } = await import('./validateCommand.js');
    setExitCode(await validateCommand(suite, filterFromOptions(options), { showRequests: options.showRequests === true }));
  });

  withFilterOptions(
    program
      .command('check')
      .description('send one small request per relay and say which answer (exit 1 if any does not); nothing is written')
      .argument('<suite>', 'suite YAML file'),
  ).action(async (suite: string, options: Record<string, unknown>) => {
    const { checkCommand } = await import('./checkCommand.js');
    setExitCode(await checkCommand(suite, filterFromOptions(options)));
  });

  program
    .command('emulate')
    .description('serve emulated Gemini relays on a local port (for demos, tests and benchmarks)')
    .option('--port <n>', 'port (0 = any free port)', wholeNumber('--port', 0, 65535), 8765)
    .option('--host <host>', 'interface to bind', nonEmpty('--host', 'a host name or IP address, e.g. 127.0.0.1'), '127.0.0.1')
    .option('--config <file>', 'relays, profiles and answer key (YAML or JSON)')
    .option('--seed <n>', 'seed for every random choice', seedNumber('--seed'), 1)
    .option('--log <file>', 'append one JSON line per request: epoch µs of headers and each chunk')
    .option('--exit-with-stdin', 'exit when stdin closes (used when a run starts the emulator)')
    .option(
      '--replay <capture>',
      'serve a capture from a run folder (captures/<job_id>.jsonl) at /<its relay>, as recorded (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (options: { port: number; host: string; config?: string; seed: number; log?: string; exitWithStdin?: boolean; replay?: string[] }) => {
      const { runEmulatorProcess } = await import('../emulator/process.js');
      if (options.log !== undefined) {
        // The log is opened as a stream, whose error would come after "listening": check it first.
        const { checkAppendableFile } = await import('../runfolder/folders.js');
        checkAppendableFile(options.log, '--log');
      }
      await runEmulatorProcess({
        host: options.host,
        port: options.port,
        seed: options.seed,
        ...(options.config === undefined ? {} : { configFile: options.config }),
        ...(options.log === undefined ? {} : { logFile: options.log }),
        exitWithStdin: options.exitWithStdin === true,
        ...(options.replay === undefined ? {} : { replayFiles: options.replay }),
      }).catch((error: unknown) => {
        throw listenError(error, options.host, options.port) ?? error;
      });
    });

  return program;
}

/** Why `emulate` could not listen on --host/--port, in a few words, by errno. */
const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use; choose another --port, or 0 for any free port',
  EADDRNOTAVAIL: 'this machine has no such address; give one of its own, e.g. 127.0.0.1',
  EACCES: 'ports below 1024 need privileges; choose a higher --port',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved now',
  EAI_FAIL: 'the host name could not be resolved',
};

/** A listen failure of `emulate` as a one-line usage error naming --host and --port; undefined for other errors. */
function listenError(error: unknown, host: string, port: number): RelaybenchError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const syscall = (error as NodeJS.ErrnoException | undefined)?.syscall;
  if (code === undefined || !(code in LISTEN_ERRORS) || (syscall !== 'listen' && syscall !== 'getaddrinfo')) return undefined;
  return new RelaybenchError(`--host ${host} --port ${port}: cannot listen (${code}): ${LISTEN_ERRORS[code]}`, 'flag');
}

/** The verb of a failed system call, for `cannot <verb> <path>`. */
const SYSCALL_ACTION: Record<string, string> = {
  open: 'open',
  mkdir: 'create the folder',
  rename: 'write',
  write: 'write',
  read: 'read',
  unlink: 'remove',
  scandir: 'list',
  stat: 'read',
  lstat: 'read',
  rmdir: 'remove',
  copyfile: 'copy',
  link: 'write',
  ftruncate: 'write',
  fsync: 'write',
};

/**
 * The last net for an OS error on a path that no command turned into a message (ENOSPC in the
 * middle of a write, EACCES on a file a command did not pre-check): one line, exit 2, never a
 * stack trace. Errors without an errno code and a path stay bugs and keep their stack.
 */
function osErrorOnPath(error: unknown): RelaybenchError | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  // A write on a descriptor names no path: still the file system's error, not a bug.
  const onDescriptor = path === undefined && ['write', 'read', 'fsync', 'close', 'ftruncate'].includes(syscall ?? '');
  if (typeof code !== 'string' || (typeof path !== 'string' && !onDescriptor)) return undefined;
  const converted = fileSystemError(error, SYSCALL_ACTION[syscall ?? ''] ?? 'use', path ?? 'a file');
  return converted instanceof RelaybenchError ? converted : undefined;
}

/** Parses argv, runs the command, and turns every outcome into an exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const userError = error instanceof RelaybenchError ? error : osErrorOnPath(error);
    if (userError !== undefined) {
      process.stderr.write(`relaybench: ${userError.message}\n`);
      return userError.exitCode;
    }
    throw error;
  }
}
