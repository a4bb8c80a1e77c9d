import { checkList } from './checks';
import { RE2JS } from 're2js';
import { SpecError } from './errors';

/** Rules for URLs that pushed manifests may reference (foreign layers). */
export interface ManifestValidationSpec {
  /** Regular expressions a layer URL must match. @default none */
  readonly allowUrls?: readonly string[];
  /** Regular expressions a layer URL must not match. @default none */
  readonly denyUrls?: readonly string[];
}

/** Manifest validation with defaults filled in. */
export type ResolvedManifestValidation = { readonly allowUrls: string[]; readonly denyUrls: string[] };

function checkRegex(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SpecError(path, value, 'allowed: a non-empty regular expression (Go RE2 syntax)');
  }
  // The registry compiles these with Go's regexp (RE2 syntax); re2js is a port of the same
  // parser, so it accepts and refuses what Go does. `(?<name>` needs Go 1.22; registry 2.8 is
  // built with older Go, so the portable `(?P<name>` is asked for.
  let problem: string | undefined;
  if (value.includes('(?<')) problem = 'write a named group as (?P<name>...), which every Go version reads';
  else {
    try {
      // Go accepts a capture name used twice; re2js (like RE2 in C++) does not: compile with the
      // repeats renamed, which changes nothing else about the pattern.
      const seen = new Map<string, number>();
      const renamed = value.replace(/\(\?P<(\w+)>/g, (m, name: string) => {
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        return n === 1 ? m : `(?P<${name}_${n}>`;
      });
      RE2JS.compile(renamed);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
  }
  if (problem !== undefined) {
    throw new SpecError(path, value, `allowed: a regular expression in Go's RE2 syntax (${problem})`);
  }
  return value;
}

/** Validates the URL allow/deny rules. */
export function resolveManifestValidation(
  path: string,
  spec: ManifestValidationSpec = {},
): ResolvedManifestValidation {
  return {
    allowUrls: checkList(`${path}.allowUrls`, spec.allowUrls ?? [], checkRegex),
    denyUrls: checkList(`${path}.denyUrls`, spec.denyUrls ?? [], checkRegex),
  };
}
