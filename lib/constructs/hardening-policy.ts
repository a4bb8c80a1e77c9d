import { IConstruct } from 'constructs';
import { SpecError } from '../model/errors';
import {
  containerFacts,
  evaluateContainer,
  HARDENING_RULES,
  HardeningPolicyError,
  PolicyFinding,
  PolicySuppression,
  violations,
} from '../policy';
import { Aspects, IAspect, TerraformResource } from './cdktf';

export { HardeningPolicyError } from '../policy/policy-error';

const SUPPRESSIONS = new WeakMap<IConstruct, PolicySuppression[]>();

/**
 * Lets one container break one hardening rule, for a stated reason (at least 20 characters: say
 * why, not "needed"). The reason is part of the error message of any other rule it breaks, and of
 * {@link hardeningFindings}.
 * @throws SpecError for an unknown rule id or a reason too short to explain anything
 */
export function suppressHardeningRule(container: IConstruct, rule: string, reason: string): void {
  if (!HARDENING_RULES.some((r) => r.id === rule)) {
    throw new SpecError('suppression.rule', rule, `allowed: ${HARDENING_RULES.map((r) => r.id).join(', ')}`);
  }
  if (typeof reason !== 'string' || reason.trim().length < 20) {
    throw new SpecError(
      'suppression.reason',
      reason,
      'a suppression needs a reason of at least 20 characters',
    );
  }
  SUPPRESSIONS.set(container, [...(SUPPRESSIONS.get(container) ?? []), { rule, reason }]);
}

/** The container's name and the findings of every rule for one `docker_container` resource. */
export function hardeningFindings(resource: TerraformResource): { name: string; findings: PolicyFinding[] } {
  const tf = resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  const facts = containerFacts(Object.values(tf.resource?.docker_container ?? {})[0] ?? {});
  return { name: facts.name, findings: evaluateContainer(facts, SUPPRESSIONS.get(resource) ?? []) };
}

/**
 * The hardening policy as a cdktf aspect: at synth, every `docker_container` in the scope is
 * checked against every rule of `lib/policy`; a container that breaks one (not suppressed) fails
 * the synth with the rule id.
 */
export class HardeningPolicy implements IAspect {
  /** Checks one construct (only `docker_container` resources are looked at). */
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || node.terraformResourceType !== 'docker_container') return;
    const { name, findings } = hardeningFindings(node);
    const broken = violations(findings);
    if (broken.length > 0) {
      throw new HardeningPolicyError(
        node.node.path,
        name,
        broken,
        'Fix the container, or if it must be so, call suppressHardeningRule(container, RULE, REASON) with the reason.',
      );
    }
  }
}

/** Applies the hardening policy to every container under `scope` (a stack, usually). */
export function applyHardeningPolicy(scope: IConstruct): void {
  Aspects.of(scope).add(new HardeningPolicy());
}
