import { HardeningPolicyError } from '../lib/constructs/hardening-policy';
import { SpecError } from '../lib/model/errors';

/**
 * For entry points (`main.ts`, the synth script): runs `fn`, and when the input is at fault (a
 * `SpecError`, or a container the hardening policy refuses) prints its message as one line on
 * stderr and exits 1, so a user sees what to fix, not a stack trace. Any other error is a bug and
 * is thrown on.
 */
export function explainInputErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SpecError || e instanceof HardeningPolicyError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
