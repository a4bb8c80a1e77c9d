import { isToken } from './checks';
import { SpecError } from './errors';

/** The roles a user can have. htpasswd grants every user full access; token auth enforces roles. */
export type UserRole = 'admin' | 'developer' | 'readonly';

/** A registry user. */
export interface UserSpec {
  /** Login name: letters, digits, `.`, `_`, `-`, `@`; no `:` (the htpasswd separator). */
  readonly name: string;
  /** Role for token-based access rules. @default 'developer' */
  readonly role?: UserRole;
  /**
   * A bcrypt hash to use instead of a generated password, as a Terraform reference (a sensitive
   * variable or `Fn.file`): a literal would be written into the synthesized JSON.
   * @default a random password of 32 characters is generated and kept in Terraform state
   */
  readonly bcryptHash?: string;
}

/** A user with defaults filled in. */
export interface ResolvedUser {
  readonly name: string;
  readonly role: UserRole;
  readonly bcryptHash?: string;
}

/** The users the secure stacks create when none are given. */
export const DEFAULT_USERS: readonly UserSpec[] = [
  { name: 'admin', role: 'admin' },
  { name: 'developer', role: 'developer' },
  { name: 'readonly', role: 'readonly' },
];

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const ROLES: readonly UserRole[] = ['admin', 'developer', 'readonly'];

/** Validates a user list: at least one user, valid unique names, hashes only as references. */
export function resolveUsers(path: string, users: readonly UserSpec[]): ResolvedUser[] {
  if (!Array.isArray(users) || users.length === 0) {
    throw new SpecError(path, users, 'allowed: a list of at least one user');
  }
  const seen = new Set<string>();
  return users.map((u, i) => {
    const p = `${path}[${i}]`;
    if (typeof u.name !== 'string' || !NAME.test(u.name)) {
      throw new SpecError(
        `${p}.name`,
        u.name,
        'allowed: 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit (no ":" or spaces)',
      );
    }
    if (seen.has(u.name)) throw new SpecError(`${p}.name`, u.name, 'user names must be unique');
    seen.add(u.name);
    const role = u.role ?? 'developer';
    if (!ROLES.includes(role)) {
      throw new SpecError(`${p}.role`, role, `allowed: ${ROLES.map((r) => JSON.stringify(r)).join(', ')}`);
    }
    if (u.bcryptHash !== undefined && !isToken(u.bcryptHash)) {
      throw new SpecError(
        `${p}.bcryptHash`,
        u.bcryptHash,
        'a supplied bcrypt hash must be a Terraform reference (Fn.file(...) or a sensitive TerraformVariable), ' +
          'because a literal would be written into cdk.tf.json',
      );
    }
    return { name: u.name, role, ...(u.bcryptHash !== undefined ? { bcryptHash: u.bcryptHash } : {}) };
  });
}
