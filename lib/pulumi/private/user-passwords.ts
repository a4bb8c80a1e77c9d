import { SpecError } from '../../model/errors';
import { SecretRef } from '../../model/secret';
import { ResolvedUser } from '../../model/users';
import { pulumi, random } from '../engine';
import { engineSecret } from './values';

/** A user's password material: a bcrypt hash, and the generated password when there is one. */
export interface UserPassword {
  /** The user's name. */
  readonly name: string;
  /** The bcrypt hash: supplied, or the provider's `bcryptHash`. */
  readonly bcryptHash: SecretRef;
  /** The generated password (secret), unless a hash was supplied. */
  readonly password?: pulumi.Output<string>;
}

/**
 * One `random.RandomPassword` per user without a supplied hash, named `<prefix>-password-<name>`:
 * letters and digits only, generated once and kept in the state with its `bcryptHash`.
 * @throws SpecError when two user names map to the same resource name
 */
export function userPasswords(
  parent: pulumi.Resource,
  prefix: string,
  path: string,
  users: readonly ResolvedUser[],
  length: number,
): UserPassword[] {
  const names = new Map<string, string>();
  return users.map((u) => {
    if (u.bcryptHash !== undefined) return { name: u.name, bcryptHash: u.bcryptHash };
    const child = `password-${u.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const clash = names.get(child);
    if (clash !== undefined) {
      throw new SpecError(path, u.name, `user names "${clash}" and "${u.name}" map to the same id ${child}`);
    }
    names.set(child, u.name);
    const pw = new random.RandomPassword(
      `${prefix}-${child}`,
      { length, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
      { parent, additionalSecretOutputs: ['result', 'bcryptHash'] },
    );
    return { name: u.name, bcryptHash: engineSecret(pw.bcryptHash), password: pulumi.secret(pw.result) };
  });
}

/** The generated passwords by user name (secret outputs). */
export function passwordsByUser(entries: readonly UserPassword[]): Record<string, pulumi.Output<string>> {
  const out: Record<string, pulumi.Output<string>> = {};
  for (const e of entries) if (e.password !== undefined) out[e.name] = e.password;
  return out;
}
