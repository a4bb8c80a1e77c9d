/**
 * The hardening policy: one rule per file (`rules/`), each a pure check of one container's facts
 * against a CIS Docker Benchmark control. Engine-free; the cdktf aspect that applies it is
 * `lib/constructs/hardening-policy.ts`.
 */
import { ContainerFacts } from './container-facts';
import { HardeningRule, RuleResult } from './rule';
import { capabilities } from './rules/capabilities';
import { dockerSocket } from './rules/docker-socket';
import { healthCheck } from './rules/health-check';
import { hostNamespaces } from './rules/host-namespaces';
import { memoryLimit } from './rules/memory-limit';
import { noNewPrivileges } from './rules/no-new-privileges';
import { pidsLimit } from './rules/pids-limit';
import { privileged } from './rules/privileged';
import { publishedAddress } from './rules/published-address';
import { readOnlyRoot } from './rules/read-only-root';

export * from './container-facts';
export * from './rule';
export { ALLOWED_CAPABILITIES } from './rules/capabilities';

/** Every rule, in id order. */
export const HARDENING_RULES: readonly HardeningRule[] = [
  capabilities,
  privileged,
  hostNamespaces,
  memoryLimit,
  readOnlyRoot,
  publishedAddress,
  noNewPrivileges,
  healthCheck,
  pidsLimit,
  dockerSocket,
];

/** A rule switched off for one container, with the reason (required). */
export interface PolicySuppression {
  /** The rule id, for example `RP-5.12`. */
  readonly rule: string;
  /** Why the container may break the rule (at least a few words). */
  readonly reason: string;
}

/** One rule's result for one container. */
export interface PolicyFinding {
  readonly rule: HardeningRule;
  readonly result: RuleResult;
  /** The suppression that covers a non-compliant result, if any. */
  readonly suppressedBy?: PolicySuppression;
}

/** Runs every rule on a container; a non-compliant result a suppression covers is marked so. */
export function evaluateContainer(
  facts: ContainerFacts,
  suppressions: readonly PolicySuppression[] = [],
): PolicyFinding[] {
  return HARDENING_RULES.map((rule) => {
    const result = rule.check(facts);
    const suppressedBy =
      result.status === 'non-compliant' ? suppressions.find((s) => s.rule === rule.id) : undefined;
    return { rule, result, ...(suppressedBy ? { suppressedBy } : {}) };
  });
}

/** The findings that fail the policy: non-compliant and not suppressed. */
export function violations(findings: readonly PolicyFinding[]): PolicyFinding[] {
  return findings.filter((f) => f.result.status === 'non-compliant' && f.suppressedBy === undefined);
}
export { HardeningPolicyError } from './policy-error';
