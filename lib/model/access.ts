import { checkBool, checkList, checkNoNull, checkOneOf, checkSection } from './checks';
import { SpecError } from './errors';
import { checkRepositoryPattern, patternCovers, patternsOverlap } from './repository-pattern';

/** What a grant allows on a repository. */
export type AccessAction = 'pull' | 'push' | 'delete';

/** Every action, in the order the renderer writes them. */
export const ACCESS_ACTIONS: readonly AccessAction[] = ['pull', 'push', 'delete'];

/** Some actions on the repositories that match some patterns. */
export interface GrantSpec {
  /** Repository patterns; `*` stands for any characters, `/` included (`app/*`, `*`). */
  readonly repositories: readonly string[];
  /** The actions allowed on them (at least one). */
  readonly actions: readonly AccessAction[];
}

/** A named set of grants. A user's rights are the union of its roles' grants. */
export interface RoleSpec {
  /** Role name: lower-case letters, digits, `_` and `-`. */
  readonly name: string;
  /** What the role allows. */
  readonly grants: readonly GrantSpec[];
  /** Whether the role may list every repository name (`/v2/_catalog`, what the UI shows). @default false */
  readonly catalog?: boolean;
}

/** A role with defaults filled in. */
export interface ResolvedRole {
  readonly name: string;
  readonly grants: readonly { readonly repositories: readonly string[]; readonly actions: AccessAction[] }[];
  readonly catalog: boolean;
}

/** The role that may do everything everywhere; the only role htpasswd authentication can honour. */
export const FULL_ACCESS_ROLE = 'admin';

/** The lab's roles, the token stack's default. */
export const DEFAULT_ROLES: readonly RoleSpec[] = [
  { name: 'admin', grants: [{ repositories: ['*'], actions: ['pull', 'push', 'delete'] }], catalog: true },
  {
    name: 'developer',
    grants: [{ repositories: ['app/*', 'library/*'], actions: ['pull', 'push'] }],
    catalog: true,
  },
  { name: 'readonly', grants: [{ repositories: ['*'], actions: ['pull'] }], catalog: true },
  {
    name: 'ci',
    grants: [{ repositories: ['app/production/*', 'app/staging/*'], actions: ['pull', 'push'] }],
  },
];

const ROLE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

/** Validates roles: unique names, at least one grant each, valid patterns and actions. */
export function resolveRoles(path: string, roles: readonly RoleSpec[]): ResolvedRole[] {
  checkNoNull(path, roles);
  const names = new Set<string>();
  const resolved = checkList(path, roles, (p, raw) => {
    const r = checkSection(p, raw as RoleSpec);
    if (r === undefined) throw new SpecError(p, raw, 'allowed: a role');
    if (typeof r.name !== 'string' || !ROLE_NAME.test(r.name)) {
      throw new SpecError(
        `${p}.name`,
        r.name,
        'allowed: 1 to 32 lower-case letters, digits, "_" or "-", starting with a letter',
      );
    }
    if (names.has(r.name)) throw new SpecError(`${p}.name`, r.name, 'role names must be unique');
    names.add(r.name);
    const grants = checkList(`${p}.grants`, r.grants, (gp, rawGrant) => {
      const g = checkSection(gp, rawGrant as GrantSpec);
      if (g === undefined) throw new SpecError(gp, rawGrant, 'allowed: a grant');
      const repositories = checkList(`${gp}.repositories`, g.repositories, checkRepositoryPattern);
      if (repositories.length === 0) {
        throw new SpecError(`${gp}.repositories`, g.repositories, 'allowed: at least one repository pattern');
      }
      const actions = checkList(`${gp}.actions`, g.actions, (ap, a) => checkOneOf(ap, a, ACCESS_ACTIONS));
      if (actions.length === 0) {
        throw new SpecError(
          `${gp}.actions`,
          g.actions,
          `allowed: at least one of ${ACCESS_ACTIONS.map((a) => JSON.stringify(a)).join(', ')} (leave a repository out of every grant to deny it)`,
        );
      }
      return { repositories, actions: ACCESS_ACTIONS.filter((a) => actions.includes(a)) };
    });
    if (grants.length === 0) throw new SpecError(`${p}.grants`, r.grants, 'allowed: at least one grant');
    return { name: r.name, grants, catalog: checkBool(`${p}.catalog`, r.catalog ?? false) };
  });
  if (resolved.length === 0) throw new SpecError(path, roles, 'allowed: a list of at least one role');
  return resolved;
}

/** One rule of a user's compiled policy: the first rule whose patterns match a repository decides. */
export interface AccessRule {
  /** Repository patterns (any of them). */
  readonly repositories: readonly string[];
  /** What the user may do there: the union over every grant of every role that matches. */
  readonly actions: readonly AccessAction[];
  /** The roles the actions come from, for the rendered comment. */
  readonly roles: readonly string[];
}

/** A user's rights, in the shape a first-match access list needs. */
export interface UserPolicy {
  /** The user's name. */
  readonly user: string;
  /** Whether the user may list the catalog. */
  readonly catalog: boolean;
  /** Ordered rules; a repository no rule matches is denied. */
  readonly rules: readonly AccessRule[];
}

interface Item {
  readonly pattern: string;
  readonly index: number;
  actions: Set<AccessAction>;
  roles: Set<string>;
}

/**
 * Compiles a user's roles into first-match rules that give exactly the union of the roles' grants.
 *
 * docker_auth stops at the first access-list entry that matches, so a user with `developer`
 * (push to `app/*`) and `readonly` (pull `*`) must meet the `app/*` rule first, and that rule must
 * carry every action of every wider pattern that also covers it. Patterns are ordered narrower
 * first and each carries the actions of the patterns that cover it; two patterns that overlap
 * without one covering the other (`app/*` and `*&#47;api`) must then carry the same actions, or the
 * union cannot be written as a first-match list and the combination is refused.
 * @throws SpecError at `path` naming both patterns and their roles
 */
export function compileUserPolicy(path: string, user: string, roles: readonly ResolvedRole[]): UserPolicy {
  const items: Item[] = [];
  for (const role of roles) {
    for (const grant of role.grants) {
      for (const pattern of grant.repositories) {
        let item = items.find((i) => i.pattern === pattern);
        if (item === undefined) {
          item = { pattern, index: items.length, actions: new Set(), roles: new Set() };
          items.push(item);
        }
        grant.actions.forEach((a) => item.actions.add(a));
        item.roles.add(role.name);
      }
    }
  }
  // Each pattern also gets what every pattern covering it allows (covers is sound, so never too much).
  const augmented = items.map((g) => {
    const actions = new Set(g.actions);
    const from = new Set(g.roles);
    for (const h of items) {
      if (h !== g && patternCovers(h.pattern, g.pattern)) {
        h.actions.forEach((a) => actions.add(a));
        h.roles.forEach((r) => from.add(r));
      }
    }
    return { ...g, actions, roles: from };
  });
  // Narrower first; among the rest, more actions first; then as given.
  const ordered: typeof augmented = [];
  const left = [...augmented];
  while (left.length > 0) {
    const ready = left.filter(
      (g) =>
        !left.some(
          (h) => h !== g && patternCovers(g.pattern, h.pattern) && !patternCovers(h.pattern, g.pattern),
        ),
    );
    ready.sort((a, b) => b.actions.size - a.actions.size || a.index - b.index);
    const next = ready[0] ?? left[0];
    if (next === undefined) break;
    ordered.push(next);
    left.splice(left.indexOf(next), 1);
  }
  for (let i = 0; i < ordered.length; i += 1) {
    for (let j = i + 1; j < ordered.length; j += 1) {
      const a = ordered[i];
      const b = ordered[j];
      if (a === undefined || b === undefined || !patternsOverlap(a.pattern, b.pattern)) continue;
      if ([...b.actions].some((x) => !a.actions.has(x))) {
        throw new SpecError(
          path,
          roles.map((r) => r.name),
          `user "${user}": the patterns ${JSON.stringify(a.pattern)} (${[...a.roles].join(', ')}: ${show(a.actions)}) ` +
            `and ${JSON.stringify(b.pattern)} (${[...b.roles].join(', ')}: ${show(b.actions)}) both match some repositories ` +
            'without one containing the other, and docker_auth applies only the first matching rule, so the union ' +
            'of these roles cannot be enforced exactly: give the user one of the roles, or add a grant for the ' +
            'overlap (a pattern that both contain) with every action the user should have there',
        );
      }
    }
  }
  // Adjacent rules with the same actions become one rule (same first-match result, shorter list).
  const rules: { repositories: string[]; actions: AccessAction[]; roles: string[] }[] = [];
  for (const g of ordered) {
    const actions = ACCESS_ACTIONS.filter((a) => g.actions.has(a));
    const last = rules[rules.length - 1];
    if (last !== undefined && last.actions.join() === actions.join()) {
      last.repositories.push(g.pattern);
      g.roles.forEach((r) => {
        if (!last.roles.includes(r)) last.roles.push(r);
      });
    } else {
      rules.push({ repositories: [g.pattern], actions, roles: [...g.roles] });
    }
  }
  return { user, catalog: roles.some((r) => r.catalog), rules };
}

function show(actions: Set<AccessAction>): string {
  return ACCESS_ACTIONS.filter((a) => actions.has(a)).join('+');
}

/** Whether a role allows every action on every repository (what htpasswd gives every user). */
export function isFullAccess(role: ResolvedRole): boolean {
  return role.grants.some(
    (g) => g.repositories.includes('*') && ACCESS_ACTIONS.every((a) => g.actions.includes(a)),
  );
}
