import { describeLiteralSecret, SpecError } from '../model/errors';
import { SecretRef } from '../model/secret';
import { pulumi } from './engine';

/**
 * Makes a {@link SecretRef} from a Pulumi value: a config secret (`config.requireSecret('x')`),
 * another resource's output. The value is marked secret, so Pulumi encrypts it in the state and
 * hides it in the CLI's output, and so is every file it is written into. A plain string is
 * refused (it would sit in the program's source), and the error never shows it.
 *
 * ```ts
 * const config = new pulumi.Config();
 * proxy: { remoteUrl, username: 'me', password: pulumiSecret(config.requireSecret('upstreamPassword')) }
 * ```
 * @param property the property it is given to, named in the error. @default 'secret'
 * @throws SpecError when `value` is not a Pulumi output
 */
export function pulumiSecret(value: pulumi.Output<string>, property = 'secret'): SecretRef {
  if (!pulumi.Output.isInstance(value)) {
    throw new SpecError(
      property,
      typeof value === 'string' ? describeLiteralSecret(value) : value,
      'a secret must be a Pulumi output, not a literal (a literal would sit in the program and the ' +
        "state in clear): pass config.requireSecret('name') or another resource's output",
    );
  }
  return SecretRef.fromEngine(pulumi.secret(value));
}
