/**
 * A failure of a day-2 operation that the user can act on (an unreachable registry, a refused
 * password, an unknown stack): the CLI prints its message as one line and exits non-zero.
 */
export class OpsError extends Error {
  /** @param message one line saying what failed and, where it helps, what to do */
  public constructor(message: string) {
    super(message);
    this.name = 'OpsError';
  }
}
