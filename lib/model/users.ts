import { FULL_ACCESS_ROLE, ResolvedRole } from './access';
import { checkNoNull, checkSection } from './checks';
import { SpecError } from './errors';
import { checkSecret, SecretRef } from './secret';

/** A registry user. */
export interface UserSpec {
  /** Login name: letters, digits, `.`, `_`, `-`, `@`; no `:` (the htpasswd separator). */
  readonly name: string;
  /**
   * The user's roles (names of roles defined with token authentication). A user's rights are the
   * union of its roles' grants. With htpasswd authentication every user can do everything, so
   * only `['admin']` (or nothing) is accepted there.
   * @default htpasswd: `['admin']`; token auth: required
   */
  readonly roles?: readonly string[];
  /**
   * A bcrypt hash to use instead of a generated password, as a secret reference (cdktf:
   * `terraformSecret(...)` over a sensitive variable or `Fn.file`): a literal would be written
   * into the synthesized output.
   * @default a random password of 32 characters is generated and kept in Terraform state
   */
  readonly bcryptHash?: SecretRef;
}

/** A user with defaults filled in. */
export interface ResolvedUser {
  readonly name: string;
  readonly roles: readonly string[];
  readonly bcryptHash?: SecretRef;
}

/**
 * The users the htpasswd stacks (`secure`, `ha`, `mirror`) create when none are given: one
 * administrator. htpasswd cannot restrict a user, so no default user is named for a narrower role.
 */
export const DEFAULT_USERS: readonly UserSpec[] = [{ name: 'admin' }];

/** The users the token stack creates when none are given: one per lab role, named after it. */
export const DEFAULT_TOKEN_USERS: readonly UserSpec[] = [
  { name: 'admin', roles: ['admin'] },
  { name: 'developer', roles: ['developer'] },
  { name: 'readonly', roles: ['readonly'] },
  { name: 'ci', roles: ['ci'] },
];

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Validates a user list: at least one user, valid unique names, hashes only as references, role
 * names that exist in `roles` (every name is accepted when `roles` is not given).
 */
export function resolveUsers(
  path: string,
  users: readonly UserSpec[],
  roles?: readonly ResolvedRole[],
): ResolvedUser[] {
  checkNoNull(path, users);
  if (!Array.isArray(users) || users.length === 0) {
    throw new SpecError(path, users, 'allowed: a list of at least one user');
  }
  users.forEach((u, i) => {
    if (checkSection(`${path}[${i}]`, u) === undefined)
      throw new SpecError(`${path}[${i}]`, u, 'allowed: a user');
  });
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
    if ('role' in u) {
      throw new SpecError(
        `${p}.role`,
        (u as { role?: unknown }).role,
        'the single "role" was replaced by "roles" (a list of role names), enforced only with token authentication',
      );
    }
    const names = roles?.map((r) => r.name);
    const userRoles = u.roles ?? [];
    if (!Array.isArray(userRoles))
      throw new SpecError(`${p}.roles`, u.roles, 'allowed: a list of role names');
    userRoles.forEach((r: unknown, j) => {
      if (typeof r !== 'string' || (names !== undefined && !names.includes(r))) {
        throw new SpecError(
          `${p}.roles[${j}]`,
          r,
          names !== undefined
            ? `allowed: a defined role: ${names.map((n) => JSON.stringify(n)).join(', ')}`
            : 'allowed: a role name',
        );
      }
    });
    if (new Set(userRoles).size !== userRoles.length) {
      throw new SpecError(`${p}.roles`, userRoles, 'a role may be listed once per user');
    }
    if (u.bcryptHash !== undefined) checkSecret(`${p}.bcryptHash`, u.bcryptHash, 'a supplied bcrypt hash');
    return {
      name: u.name,
      roles: [...userRoles],
      ...(u.bcryptHash !== undefined ? { bcryptHash: u.bcryptHash } : {}),
    };
  });
}

/**
 * Validates users of htpasswd authentication, which gives every user push, pull and delete on
 * every repository: a role that grants less would only pretend, so it is refused.
 */
export function resolveHtpasswdUsers(path: string, users: readonly UserSpec[]): ResolvedUser[] {
  return resolveUsers(path, users).map((u, i) => {
    const narrower = u.roles.filter((r) => r !== FULL_ACCESS_ROLE);
    if (narrower.length > 0) {
      throw new SpecError(
        `${path}[${i}].roles`,
        u.roles,
        `htpasswd authentication gives every user push, pull and delete on every repository, so user "${u.name}" ` +
          `would not be limited to ${narrower.map((r) => JSON.stringify(r)).join(', ')}. Use token authentication ` +
          '(the token stack, or the TokenServer construct) to enforce roles, or leave roles out (full access)',
      );
    }
    return { ...u, roles: [FULL_ACCESS_ROLE] };
  });
}

/** Validates users of token authentication: each needs at least one defined role. */
export function resolveTokenUsers(
  path: string,
  users: readonly UserSpec[],
  roles: readonly ResolvedRole[],
): ResolvedUser[] {
  return resolveUsers(path, users, roles).map((u, i) => {
    if (u.roles.length === 0) {
      throw new SpecError(
        `${path}[${i}].roles`,
        users[i]?.roles,
        `user "${u.name}" needs at least one role: ${roles.map((r) => JSON.stringify(r.name)).join(', ')}`,
      );
    }
    return u;
  });
}
