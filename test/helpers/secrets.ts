import { SecretRef } from '../../lib/model/secret';
import { RenderedFile } from '../../lib/render/file';
import { encodeSecretValue, fillSecrets } from '../../lib/render/secret-slots';

/**
 * A test engine's secrets: the value itself stands behind the reference, and files are filled
 * the way an engine that sees resolved values would (a YAML string JSON-encoded, raw text as is).
 */
export function testSecret(value: string): SecretRef {
  return SecretRef.fromEngine(value);
}

/** A rendered file's text with its secrets filled in from {@link testSecret} values. */
export function filled(file: RenderedFile): string {
  return fillSecrets(file, (slot) => encodeSecretValue(String(slot.secret.engineValue), slot.encoding));
}
