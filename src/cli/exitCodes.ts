import { EXIT, RelaybenchError } from '../errors/index.js';

export { EXIT };

/**
 * The CLI's name for {@link RelaybenchError}, kept so existing callers read as before; new code
 * throws from `errors/` directly.
 */
export class CliError extends RelaybenchError {
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message, exitCode === EXIT.usage ? 'flag' : 'gate', exitCode);
    this.name = 'CliError';
  }
}
