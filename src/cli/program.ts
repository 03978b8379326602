import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CliError, EXIT } from './exitCodes.js';

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

function rate(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) throw new InvalidArgumentError('expected a rate from 0 to 1');
  return parsed;
}

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

/** Builds the CLI; each action reports its exit code through `setExitCode`. */
function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name('relaybench')
    .description('Benchmark Gemini relays: latency with the thinking phase measured apart, honesty, thinking-budget accuracy, CI gates.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('run')
    .description('run a suite: stream every job, measure, grade, and write results/<suite>/<timestamp>/')
    .argument('<suite>', 'suite YAML file')
    .option('--out <dir>', 'write the run here instead of results/<suite>/<UTC timestamp>/')
    .option('--concurrency <n>', 'override the suite\'s global concurrency', positiveInt)
    .option('--repeats <n>', 'override the suite\'s repeats', positiveInt)
    .option('--resume <dir>', 'finish an interrupted run: skip jobs that already have a row, append the rest')
    .option('--force', 'with --resume: accept a changed plan, keep the old rows and run the missing jobs')
    .option('--max-error-rate <rate>', 'give up on a relay whose error rate exceeds this after 20 jobs (its remaining jobs become skipped rows)', rate)
    .option('--verbose', 'log each request (keys redacted) to stderr')
    .option('--emulator-log <file>', 'emulated relays: the emulator appends its ground truth (epoch µs of headers and each chunk) here')
    .action(async (suite: string, options: Record<string, unknown>) => {
      const { runCommand } = await import('./runCommand.js');
      setExitCode(await runCommand(suite, options));
    });

  program
    .command('validate')
    .description('load and check a suite, print the plan; nothing is sent')
    .argument('<suite>', 'suite YAML file')
    .action(async (suite: string) => {
      const { validateCommand } = await import('./validateCommand.js');
      setExitCode(await validateCommand(suite));
    });

  program
    .command('emulate')
    .description('serve emulated Gemini relays on a local port (for demos, tests and benchmarks)')
    .option('--port <n>', 'port (0 = any free port)', port, 8765)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--config <file>', 'relays, profiles and answer key (YAML or JSON)')
    .option('--seed <n>', 'seed for every random choice', integer, 1)
    .option('--log <file>', 'append one JSON line per request: epoch µs of headers and each chunk')
    .option('--exit-with-stdin', 'exit when stdin closes (used when a run starts the emulator)')
    .action(async (options: { port: number; host: string; config?: string; seed: number; log?: string; exitWithStdin?: boolean }) => {
      const { runEmulatorProcess } = await import('../emulator/process.js');
      await runEmulatorProcess({
        host: options.host,
        port: options.port,
        seed: options.seed,
        ...(options.config === undefined ? {} : { configFile: options.config }),
        ...(options.log === undefined ? {} : { logFile: options.log }),
        exitWithStdin: options.exitWithStdin === true,
      });
    });

  return program;
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
    if (error instanceof CliError) {
      process.stderr.write(`relaybench: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
