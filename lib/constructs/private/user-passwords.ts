import { Construct } from 'constructs';
import { SpecError } from '../../model/errors';
import { SecretRef } from '../../model/secret';
import { ResolvedUser } from '../../model/users';
import { engineSecret } from './secret-values';
import { Password } from '../providers';

/** A user's password material: a bcrypt hash, and the generated password when there is one. */
export interface UserPassword {
  /** The user's name. */
  readonly name: string;
  /** The bcrypt hash: supplied, or the provider's `bcrypt_hash`. */
  readonly bcryptHash: SecretRef;
  /** The generated password (a sensitive Terraform reference), unless a hash was supplied. */
  readonly password?: string;
}

/**
 * One `random_password` per user without a supplied hash, under the child id `password-<name>`
 * (public API): letters and digits only, so it is safe in any file, generated once and kept in
 * Terraform state with its `bcrypt_hash`, so no file changes on the next plan.
 * @throws SpecError when two user names map to the same construct id
 */
export function userPasswords(
  scope: Construct,
  path: string,
  users: readonly ResolvedUser[],
  length: number,
): UserPassword[] {
  const ids = new Map<string, string>();
  return users.map((u) => {
    if (u.bcryptHash !== undefined) return { name: u.name, bcryptHash: u.bcryptHash };
    const childId = `password-${u.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const clash = ids.get(childId);
    if (clash !== undefined) {
      throw new SpecError(
        path,
        u.name,
        `user names "${clash}" and "${u.name}" map to the same id ${childId}`,
      );
    }
    ids.set(childId, u.name);
    const password = new Password(scope, childId, {
      length,
      special: false,
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
    });
    return { name: u.name, bcryptHash: engineSecret(password.bcryptHash), password: password.result };
  });
}

/** The generated passwords by user name (sensitive Terraform references). */
export function passwordsByUser(entries: readonly UserPassword[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) if (e.password !== undefined) out[e.name] = e.password;
  return out;
}
