import { SecretRef, TextOrSecret } from '../../model/secret';
import { CertificateAndKey } from '../../model/tls';
import { RenderedFile } from '../../render/file';
import { encodeSecretValue, fillSecrets } from '../../render/secret-slots';
import { pulumi } from '../engine';

/**
 * Secrets as this adapter makes and reads them: a {@link SecretRef} made here holds a Pulumi
 * `Output<string>`. Only this file looks inside one.
 */

/** An output the adapter made itself (a generated password, a private key) as a secret. */
export function engineSecret(value: pulumi.Output<string>): SecretRef {
  return SecretRef.fromEngine(pulumi.secret(value));
}

/** A value that may be an output (a certificate): outputs become references, strings stay text. */
export function engineText(value: pulumi.Input<string>): TextOrSecret {
  return typeof value === 'string' ? value : SecretRef.fromEngine(pulumi.output(value));
}

/** The output behind text or a reference. */
export function outputOf(value: TextOrSecret): pulumi.Output<string> {
  if (!SecretRef.isSecretRef(value)) return pulumi.output(value);
  const v = value.engineValue;
  if (!pulumi.Output.isInstance(v)) {
    throw new Error('internal: this secret was not made by the Pulumi adapter (use pulumiSecret)');
  }
  return v as pulumi.Output<string>;
}

/**
 * A rendered file's text with every placeholder replaced by its resolved value, encoded as the
 * file needs it. Secret when any value is (Pulumi carries that through `all`).
 */
export function fileContent(file: RenderedFile): pulumi.Output<string> {
  const slots = file.secrets ?? [];
  if (slots.length === 0) return pulumi.output(file.content);
  return pulumi.all(slots.map((s) => outputOf(s.secret))).apply((values) => {
    const byPlaceholder = new Map(slots.map((s, i) => [s.placeholder, values[i] ?? '']));
    return fillSecrets(file, (slot) =>
      encodeSecretValue(byPlaceholder.get(slot.placeholder) ?? '', slot.encoding),
    );
  });
}

/** A certificate and key as the plans take them: the key always a secret. */
export function certificateAndKey(material: {
  readonly certificatePem: pulumi.Input<string>;
  readonly privateKeyPem: pulumi.Input<string>;
}): CertificateAndKey {
  return {
    certificatePem: engineText(material.certificatePem),
    privateKeyPem: engineSecret(pulumi.output(material.privateKeyPem)),
  };
}
