import { describeLiteralSecret, SpecError } from './errors';

/**
 * A secret the deploying engine supplies and resolves at deploy time: with cdktf a Terraform
 * reference (a sensitive variable's value, a `random_password`'s result, a `tls_private_key`'s
 * PEM); with Pulumi an `Output`. The pure layers carry it and place it where a file needs it,
 * but never read, print or parse it: renderers put a named placeholder in the text (see
 * `secret-slots.ts` in the render layer) and the engine adapter fills it in, encoded for the
 * file's format. Engine adapters create secrets (cdktf: `terraformSecret`); the model only checks
 * that a secret field holds one, so a literal password cannot reach a synthesized file.
 */
export class SecretRef {
  /**
   * Wraps an engine value. Adapters call this after checking that the value is a reference
   * their engine resolves (a literal here would be written into the synthesized output).
   * @param value the engine's opaque value
   */
  public static fromEngine(value: unknown): SecretRef {
    return new SecretRef(value);
  }

  /** Whether `value` is a {@link SecretRef}. */
  public static isSecretRef(value: unknown): value is SecretRef {
    return value instanceof SecretRef;
  }

  /** The engine's value, opaque to every layer but the engine adapter that made it. */
  public readonly engineValue: unknown;

  private constructor(value: unknown) {
    this.engineValue = value;
  }

  /** Never the value: a secret printed by mistake shows this. */
  public toString(): string {
    return '<secret reference>';
  }

  /** Never the value: a secret serialized by mistake shows this. */
  public toJSON(): string {
    return '<secret reference>';
  }
}

/** A value that is either plain text (checked as such) or a reference the engine resolves. */
export type TextOrSecret = string | SecretRef;

/**
 * A field that must hold a {@link SecretRef}: a literal would be written into the synthesized
 * output. The message never shows a literal it refuses. `what` describes the secret.
 */
export function checkSecret(path: string, value: unknown, what: string): SecretRef {
  if (!SecretRef.isSecretRef(value)) {
    throw new SpecError(
      path,
      typeof value === 'string' ? describeLiteralSecret(value) : value,
      `${what} must be a secret reference, not a literal (a literal would be written into the ` +
        'synthesized configuration): with cdktf pass terraformSecret(aSensitiveVariable.stringValue) ' +
        'or terraformSecret(Fn.file("path")); with Pulumi pass pulumiSecret(config.requireSecret("name"))',
    );
  }
  return value;
}
