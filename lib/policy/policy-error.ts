import { HardeningRule, RuleResult } from './rule';

/** A rule's result for one container (a `PolicyFinding` that fails the policy). */
type BrokenRule = { readonly rule: HardeningRule; readonly result: RuleResult };

/** A container that breaks the hardening policy. */
export class HardeningPolicyError extends Error {
  /** The ids of the rules it breaks. */
  public readonly rules: readonly string[];

  /**
   * Builds the message: every broken rule with its id, what was found and how to go on.
   * @param path where the container is defined (a construct path, a Pulumi resource name)
   * @param hint what to do about it, in the engine's words
   */
  public constructor(path: string, name: string, broken: readonly BrokenRule[], hint: string) {
    super(
      `hardening policy: docker_container "${name}" (${path}) breaks ` +
        broken
          .map(
            (f) =>
              `${f.rule.id} (${f.rule.title}: ${f.result.status === 'non-compliant' ? f.result.finding : ''})`,
          )
          .join('; ') +
        `. ${hint}`,
    );
    this.name = 'HardeningPolicyError';
    this.rules = broken.map((f) => f.rule.id);
  }
}
