import { ContainerFacts } from './container-facts';

/** What a rule found. */
export type RuleResult =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable'; readonly why: string }
  | { readonly status: 'non-compliant'; readonly finding: string };

/** One hardening rule: an id, what it checks (with its CIS Docker Benchmark control) and the check. */
export interface HardeningRule {
  /** Stable id, used in errors and suppressions, for example `RP-5.12`. */
  readonly id: string;
  /** What it requires, in a sentence. */
  readonly title: string;
  /** The CIS Docker Benchmark (v1.6) control it follows. */
  readonly cis: string;
  /** The check. Pure. */
  readonly check: (facts: ContainerFacts) => RuleResult;
}

/** Shorthands for rule results. */
export const compliant: RuleResult = { status: 'compliant' };
/** A finding. */
export const nonCompliant = (finding: string): RuleResult => ({ status: 'non-compliant', finding });
/** Nothing to check. */
export const notApplicable = (why: string): RuleResult => ({ status: 'not-applicable', why });
/** A container that never runs (a config carrier) has no runtime to restrict. */
export const NEVER_STARTED = notApplicable('the container is never started (a config carrier)');
