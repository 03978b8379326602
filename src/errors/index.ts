/**
 * relaybench's one error family, keyed by cause (the way openai-node keys its errors by HTTP
 * cause). Every error meant for the user is a {@link RelaybenchError}: it carries the exit code of
 * docs/exit-codes.md and a one-line message that says what was wrong and what to do. `cli/`
 * only prints `message` and exits with `exitCode`; it never prints a stack trace for these.
 *
 * This module sits below every stage: anything may import it, it imports nothing of ours.
 */

/** Exit codes (docs/exit-codes.md): what CI scripts branch on. */
export const EXIT = {
  /** Ran, and every gate held. */
  ok: 0,
  /** A gate failed (threshold or regression), or `check` found a relay that does not answer. */
  gateFailed: 1,
  /** Invalid input or usage; nothing was sent. */
  usage: 2,
  /** Stopped at the spending cap (`--max-cost`); saved and resumable. */
  spendingCap: 3,
  /** Interrupted; what finished is saved and resumable. */
  interrupted: 130,
} as const;

/** One of the exit codes of docs/exit-codes.md. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Why an error ended the command. `flag`: a command-line value; `suite`: a suite or relay file;
 * `run-folder`: a folder that is not (or not this) run; `file-system`: the OS refused a read or a
 * write; `gate`: a gate failed; `spending-cap`: `--max-cost` reached; `interrupted`: a signal.
 */
export type ErrorCause = 'flag' | 'suite' | 'run-folder' | 'file-system' | 'gate' | 'spending-cap' | 'interrupted';

const EXIT_BY_CAUSE: Record<ErrorCause, ExitCode> = {
  flag: EXIT.usage,
  suite: EXIT.usage,
  'run-folder': EXIT.usage,
  'file-system': EXIT.usage,
  gate: EXIT.gateFailed,
  'spending-cap': EXIT.spendingCap,
  interrupted: EXIT.interrupted,
};

/** An error for the user: a one-line (or few-line) message, a cause, and the exit code it ends with. */
export class RelaybenchError extends Error {
  /** The exit code the command ends with; by default the cause's (usage errors: 2). */
  readonly exitCode: number;

  constructor(
    message: string,
    readonly errorCause: ErrorCause = 'flag',
    exitCode?: number,
  ) {
    super(message);
    this.name = 'RelaybenchError';
    this.exitCode = exitCode ?? EXIT_BY_CAUSE[errorCause];
  }
}

/**
 * A bad command-line value: names the flag, what it got and what it accepts.
 * Message shape: `--shard: got "5/4"; expected k/n with 1 ≤ k ≤ n`.
 */
export class FlagError extends RelaybenchError {
  constructor(
    readonly flag: string,
    readonly got: string | undefined,
    readonly accepts: string,
  ) {
    super(`${flag}: ${got === undefined ? 'missing value' : `got ${JSON.stringify(got)}`}; expected ${accepts}`, 'flag');
    this.name = 'FlagError';
  }
}

/** What each common errno means for the user, in a few words. */
const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EINVAL: 'the file system does not support this',
};

/**
 * Turns an OS error (`NodeJS.ErrnoException`) met while doing `action` on `path` into a one-line
 * usage error: `cannot write results/x/requests.csv: read-only file system (EROFS)`. Anything that
 * is not an errno error is returned unchanged so that real bugs keep their stack trace.
 */
export function fileSystemError(error: unknown, action: string, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const text = ERRNO_TEXT[code] ?? 'the operating system refused';
  return new RelaybenchError(`cannot ${action} ${path}: ${text} (${code})`, 'file-system');
}
