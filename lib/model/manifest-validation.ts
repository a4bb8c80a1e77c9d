import { checkList } from './checks';
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
  // RE2 has no look-around or back-references; catch the common JavaScript-only forms.
  let ok = !/\(\?[=!<]|\\[1-9]/.test(value);
  try {
    new RegExp(value);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new SpecError(
      path,
      value,
      'allowed: a valid RE2 regular expression (no look-around, no back-references)',
    );
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
