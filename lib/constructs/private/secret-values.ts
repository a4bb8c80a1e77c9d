import { SecretRef, TextOrSecret } from '../../model/secret';
import { CertificateAndKey } from '../../model/tls';
import { RenderedFile } from '../../render/file';
import { fillSecrets } from '../../render/secret-slots';
import { Fn, Token } from '../cdktf';

/**
 * Secrets as this adapter makes and reads them: a {@link SecretRef} made here holds a Terraform
 * token string. Only this file looks inside one.
 */

/** A Terraform value the adapter made itself (a resource attribute) as a secret. */
export function engineSecret(token: string): SecretRef {
  return SecretRef.fromEngine(token);
}

/** Text that may be a Terraform reference: references become secrets, literals stay text. */
export function engineText(value: string): TextOrSecret {
  return Token.isUnresolved(value) ? SecretRef.fromEngine(value) : value;
}

/** The Terraform string behind text or a secret this adapter made. */
export function terraformString(value: TextOrSecret): string {
  if (!SecretRef.isSecretRef(value)) return value;
  const v = value.engineValue;
  if (typeof v !== 'string') {
    throw new Error('internal: this secret was not made by the cdktf adapter (use terraformSecret)');
  }
  return v;
}

/**
 * A rendered file's text for Terraform: literal text escaped (`${` → `$${`, `%{` → `%%{`: Terraform
 * reads those as template syntax), then every secret placeholder replaced by its reference,
 * `jsonencode`d where the file needs a YAML string.
 */
export function terraformContent(file: RenderedFile): string {
  const escaped = { ...file, content: terraformLiteral(file.content) };
  return fillSecrets(escaped, (slot) => {
    const ref = terraformString(slot.secret);
    return slot.encoding === 'yaml-string' ? Token.asString(Fn.jsonencode(ref)) : ref;
  });
}

/**
 * Escapes literal text that will reach Terraform inside a string. CDKTF token placeholders
 * (`${TfToken[...]}`) are left alone: they are resolved into real references.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A certificate and key as the plans take them: the key (always a reference) as a secret. */
export function certificateAndKey(tls: {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}): CertificateAndKey {
  return { certificatePem: engineText(tls.certificatePem), privateKeyPem: engineSecret(tls.privateKeyPem) };
}
