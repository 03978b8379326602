/** Exit codes of the design: what CI scripts branch on. */
export const EXIT = {
  /** Ran, and every gate held. */
  ok: 0,
  /** A gate failed (threshold or regression). */
  gateFailed: 1,
  /** Invalid input or usage; nothing was sent. */
  usage: 2,
  /** Interrupted; what finished is saved and resumable. */
  interrupted: 130,
} as const;

/** An error that ends the command with a message and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
