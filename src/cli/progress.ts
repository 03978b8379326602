import type { RunProgress } from '../run/runner.js';

/**
 * Progress display of a run on stderr: `update` with the jobs done, total and errors after each row
 * (a bar on a terminal, a line every 10% otherwise), `stop` to clear it before the summary is printed.
 */
export interface ProgressReporter {
  update(progress: RunProgress): void;
  stop(): void;
}

/** True when output should be plain lines: CI, no TTY, or NO_COLOR-style dumb terminals. */
export function isPlainOutput(stream: NodeJS.WriteStream): boolean {
  return !stream.isTTY || Boolean(process.env.CI) || process.env.TERM === 'dumb';
}

/**
 * A cli-progress bar on stderr when it is a terminal; otherwise a plain line every 10%, so CI logs
 * show a heartbeat without control characters.
 */
export async function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Promise<ProgressReporter> {
  if (isPlainOutput(stream)) {
    let nextTenth = 1;
    return {
      update({ done, errors }) {
        if (total === 0 || done < (total * nextTenth) / 10) return;
        while (done >= (total * nextTenth) / 10) nextTenth += 1;
        stream.write(`progress: ${done}/${total} jobs (${errors} errors)\n`);
      },
      stop() {},
    };
  }
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { stream, format: ' {bar} {percentage}% | {value}/{total} jobs | {errors} errors | eta {eta_formatted}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { errors: 0 });
  return {
    update({ done, errors }) {
      bar.update(done, { errors });
    },
    stop() {
      bar.stop();
    },
  };
}
