import {
  compileUserPolicy,
  DEFAULT_ROLES,
  isFullAccess,
  patternCovers,
  patternMatches,
  patternRegex,
  patternsOverlap,
  resolveRoles,
  resolveTokenServer,
  SpecError,
} from '../../lib/model';

/** Every string over `alphabet` up to `max` characters. */
function strings(alphabet: string, max: number): string[] {
  let level = [''];
  const all = [''];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c));
    all.push(...level);
  }
  return all;
}

describe('repository patterns', () => {
  test('"*" matches any characters, "/" included; a pattern without "*" is one repository', () => {
    expect(patternMatches('*', 'app/team/api')).toBe(true);
    expect(patternMatches('app/*', 'app/demo')).toBe(true);
    expect(patternMatches('app/*', 'app/team/api')).toBe(true);
    expect(patternMatches('app/*', 'application/x')).toBe(false);
    expect(patternMatches('app/*', 'app')).toBe(false);
    expect(patternMatches('app/demo', 'app/demo')).toBe(true);
    expect(patternMatches('app.v1', 'appxv1')).toBe(false);
    expect(patternRegex('app.v1/*')).toBe('app\\.v1/.*');
  });

  // Exhaustive over short patterns: overlap is exact, covers is never wrong when it says yes.
  const patterns = strings('a/*', 3).filter((p) => p !== '');
  const names = strings('ab/', 5);
  test('overlap is exact and covers is sound (all patterns up to 3 characters over a, /, *)', () => {
    for (const p of patterns) {
      const mp = new Set(names.filter((n) => patternMatches(p, n)));
      for (const q of patterns) {
        const mq = names.filter((n) => patternMatches(q, n));
        expect(`${p} ~ ${q}: ${patternsOverlap(p, q)}`).toBe(`${p} ~ ${q}: ${mq.some((n) => mp.has(n))}`);
        if (patternCovers(q, p))
          expect(`${q} covers ${p}: ${[...mp].every((n) => mq.includes(n))}`).toBe(`${q} covers ${p}: true`);
      }
    }
    expect(patternCovers('*', 'app/*')).toBe(true);
    expect(patternCovers('app/*', 'app/staging/*')).toBe(true);
    expect(patternCovers('app/staging/*', 'app/*')).toBe(false);
  });
});

describe('roles', () => {
  test('the default roles are the lab table; only admin is full access', () => {
    const roles = resolveRoles('roles', DEFAULT_ROLES);
    expect(
      roles.map(
        (r) =>
          `${r.name}: ${r.grants.map((g) => `${g.repositories.join(' ')} -> ${g.actions.join(',')}`).join('; ')}`,
      ),
    ).toEqual([
      'admin: * -> pull,push,delete',
      'developer: app/* library/* -> pull,push',
      'readonly: * -> pull',
      'ci: app/production/* app/staging/* -> pull,push',
    ]);
    expect(roles.filter(isFullAccess).map((r) => r.name)).toEqual(['admin']);
  });

  test.each([
    [
      'an upper-case pattern',
      [{ name: 'r', grants: [{ repositories: ['App/*'], actions: ['pull'] }] }],
      'roles[0].grants[0].repositories[0]',
      /lower-case/,
    ],
    [
      'an unknown action',
      [{ name: 'r', grants: [{ repositories: ['*'], actions: ['write'] }] }],
      'roles[0].grants[0].actions[0]',
      /"pull", "push", "delete"/,
    ],
    [
      'no actions',
      [{ name: 'r', grants: [{ repositories: ['*'], actions: [] }] }],
      'roles[0].grants[0].actions',
      /at least one/,
    ],
    ['no grants', [{ name: 'r', grants: [] }], 'roles[0].grants', /at least one grant/],
    [
      'a duplicate role',
      [
        { name: 'r', grants: [{ repositories: ['*'], actions: ['pull'] }] },
        { name: 'r', grants: [{ repositories: ['*'], actions: ['pull'] }] },
      ],
      'roles[1].name',
      /unique/,
    ],
  ])('%s is refused with the property named', (_n, roles, property, allowed) => {
    try {
      resolveRoles('roles', roles as never);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).property).toBe(property);
      expect((e as SpecError).message).toMatch(allowed);
    }
  });
});

describe('compiled user policies (first match must give the union)', () => {
  const roles = resolveRoles('roles', [
    ...DEFAULT_ROLES,
    { name: 'janitor', grants: [{ repositories: ['app/*'], actions: ['delete'] }] },
    { name: 'api', grants: [{ repositories: ['*-api'], actions: ['pull', 'delete'] }] },
  ]);
  const pick = (...names: string[]) => roles.filter((r) => names.includes(r.name));

  test('developer + readonly: the narrower app/* rule comes first and carries pull from *', () => {
    const p = compileUserPolicy('u', 'dev', pick('developer', 'readonly'));
    expect(p.rules.map((r) => `${r.repositories.join(' ')} -> ${r.actions.join(',')}`)).toEqual([
      'app/* library/* -> pull,push',
      '* -> pull',
    ]);
    expect(p.catalog).toBe(true);
  });

  test('developer + janitor on the same pattern: one rule with every action', () => {
    const p = compileUserPolicy('u', 'c', pick('developer', 'janitor'));
    expect(p.rules[0]).toMatchObject({ repositories: ['app/*'], actions: ['pull', 'push', 'delete'] });
  });

  test('a union that no first-match list can express is refused, naming the user and both patterns', () => {
    expect(() => compileUserPolicy('token.users[0].roles', 'x', pick('developer', 'api'))).toThrow(
      /token.users\[0\].roles: got \["developer","api"\]; user "x": the patterns "app\/\*" .* and "\*-api" .* both match/,
    );
  });

  test('the token server spec compiles every default user, and the key id follows the dialect', () => {
    expect(resolveTokenServer('t').disableLegacyKeyId).toBe(false);
    expect(resolveTokenServer('t', { registryVersion: 3 }).disableLegacyKeyId).toBe(true);
    expect(resolveTokenServer('t').policies.map((p) => p.user)).toEqual([
      'admin',
      'developer',
      'readonly',
      'ci',
    ]);
  });
});
