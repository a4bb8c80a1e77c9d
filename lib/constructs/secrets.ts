import { describeLiteralSecret, SpecError } from '../model/errors';
import { SecretRef } from '../model/secret';
import { Token } from './cdktf';

/**
 * Makes a {@link SecretRef} from a Terraform reference: a sensitive variable's value
 * (`variable.stringValue`), `Fn.file('path')`, a resource attribute. A literal is refused (it
 * would be written into `cdk.tf.json`), and the error never shows it.
 *
 * ```ts
 * const pw = new TerraformVariable(this, 'upstream_password', { type: 'string', sensitive: true });
 * proxy: { remoteUrl, username: 'me', password: terraformSecret(pw.stringValue) }
 * ```
 * @param value the reference
 * @param property the property it is given to, named in the error. @default 'secret'
 * @throws SpecError when `value` is a literal
 */
export function terraformSecret(value: string, property = 'secret'): SecretRef {
  if (typeof value !== 'string' || !Token.isUnresolved(value)) {
    throw new SpecError(
      property,
      typeof value === 'string' ? describeLiteralSecret(value) : value,
      'a secret must be a Terraform reference, not a literal (a literal would be written into ' +
        "cdk.tf.json): pass a sensitive TerraformVariable's stringValue, Fn.file(...) or a resource attribute",
    );
  }
  return SecretRef.fromEngine(value);
}
