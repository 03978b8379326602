import { finishCi, type FinishCiOptions } from '../gate/finish.js';
import { readRunFolder } from '../gate/runFolder.js';

/**
 * `relaybench gate <run folder>`: applies CI gates to a finished run, e.g. one produced by
 * `merge`. The suite's `ci:` block comes from the run's run.json, so the folder alone is enough;
 * flags override it. Writes summary.md into the folder and returns the CI exit code.
 */
export async function gateCommand(runDir: string, options: FinishCiOptions): Promise<number> {
  const { manifest, rows } = readRunFolder(runDir);
  const { exitCode, consoleText } = finishCi({
    outDir: runDir,
    suite: { name: manifest.suite.name, ci: manifest.config.ci },
    rows,
    options,
    requestConfig: manifest.config,
  });
  process.stdout.write(consoleText);
  return exitCode;
}
