import {
  SecretRef,
  DEFAULT_ROLES,
  DEFAULT_TOKEN_USERS,
  DEFAULT_USERS,
  resolveHtpasswdUsers,
  resolveRoles,
  resolveTokenUsers,
  resolveGeneratedTls,
  resolvePublish,
  resolveSuppliedTls,
  resolveUsers,
  SpecError,
} from '../../lib/model';
import { thrown } from '../helpers/errors';
import { testSecret } from '../helpers/secrets';

const TOKEN = testSecret('reference-7');

describe('users', () => {
  test('htpasswd: no roles means full access; the default set is one admin (no user named for a narrower role)', () => {
    expect(resolveHtpasswdUsers('users', [{ name: 'alice' }])).toEqual([{ name: 'alice', roles: ['admin'] }]);
    expect(resolveHtpasswdUsers('users', [{ name: 'root', roles: ['admin'] }])).toEqual([
      { name: 'root', roles: ['admin'] },
    ]);
    expect(DEFAULT_USERS).toEqual([{ name: 'admin' }]);
  });

  test('htpasswd refuses a narrower role, says why and points to token auth', () => {
    const e = thrown(() =>
      resolveHtpasswdUsers('secure.users', [{ name: 'admin' }, { name: 'ro', roles: ['readonly'] }]),
    );
    expect(e.property).toBe('secure.users[1].roles');
    expect(e.message).toContain('got ["readonly"]');
    expect(e.message).toMatch(/gives every user push, pull and delete on every repository/);
    expect(e.message).toMatch(/token authentication/);
  });

  test('token users: every role must be defined and each user needs one', () => {
    const roles = resolveRoles('roles', DEFAULT_ROLES);
    expect(
      resolveTokenUsers('users', DEFAULT_TOKEN_USERS, roles).map((u) => `${u.name}:${u.roles.join('+')}`),
    ).toEqual(['admin:admin', 'developer:developer', 'readonly:readonly', 'ci:ci']);
    const unknown = thrown(() => resolveTokenUsers('users', [{ name: 'a', roles: ['root'] }], roles));
    expect(unknown.property).toBe('users[0].roles[0]');
    expect(unknown.message).toMatch(
      /got "root"; allowed: a defined role: "admin", "developer", "readonly", "ci"/,
    );
    const none = thrown(() => resolveTokenUsers('users', [{ name: 'a' }], roles));
    expect(none.property).toBe('users[0].roles');
    expect(none.message).toMatch(/needs at least one role/);
  });

  test.each([
    ['a user name containing ":"', [{ name: 'ali:ce' }], 'users[0].name', /got "ali:ce"; allowed: .*no ":"/],
    ['a user name with a space', [{ name: 'a b' }], 'users[0].name', /no ":" or spaces/],
    ['duplicate users', [{ name: 'a' }, { name: 'a' }], 'users[1].name', /unique/],
    ['no users', [], 'users', /at least one user/],
    ['the old single role', [{ name: 'a', role: 'developer' }], 'users[0].role', /replaced by "roles"/],
    ['a role listed twice', [{ name: 'a', roles: ['x', 'x'] }], 'users[0].roles', /once per user/],
    [
      'a literal bcrypt hash',
      [{ name: 'a', bcryptHash: '$2y$10$0123456789012345678901uabcdefghijklmnopqrstuvwxyz0123' }],
      'users[0].bcryptHash',
      /secret reference/,
    ],
  ])('%s is refused', (_n, users, property, allowed) => {
    const e = thrown(() => resolveUsers('users', users as never));
    expect(e.property).toBe(property);
    expect(e.message).toMatch(allowed);
    expect(e.message).not.toContain('$2y$10$');
  });

  test('a supplied hash reference is kept', () => {
    expect(resolveUsers('users', [{ name: 'ci', roles: ['ci'], bcryptHash: TOKEN }])).toEqual([
      { name: 'ci', roles: ['ci'], bcryptHash: TOKEN },
    ]);
  });
});

describe('generated TLS', () => {
  test('SANs: hostnames, service names, localhost and 127.0.0.1, de-duplicated in a fixed order', () => {
    const t = resolveGeneratedTls('tls', {
      hostnames: ['registry.lab', '10.0.0.5', 'localhost'],
      serviceNames: ['registry'],
    });
    expect(t.dnsNames).toEqual(['registry.lab', 'localhost', 'registry']);
    expect(t.ipAddresses).toEqual(['10.0.0.5', '127.0.0.1']);
    expect(t).toMatchObject({
      keyAlgorithm: 'ECDSA',
      caValidityDays: 3650,
      serverValidityDays: 397,
      organization: 'Registry Platform',
    });
  });

  test.each([
    [
      'a hostname with spaces',
      { hostnames: ['my registry'] },
      'tls.hostnames[0]',
      /got "my registry"; allowed: a DNS name/,
    ],
    ['a hostname with a scheme', { hostnames: ['https://r.lab'] }, 'tls.hostnames[0]', /no scheme/],
    ['no hostnames', { hostnames: [] }, 'tls.hostnames', /at least one/],
    [
      'server outliving the CA',
      { hostnames: ['a'], caValidityDays: 10, serverValidityDays: 20 },
      'tls.serverValidityDays',
      /must not exceed/,
    ],
    [
      'unknown key algorithm',
      { hostnames: ['a'], keyAlgorithm: 'DSA' },
      'tls.keyAlgorithm',
      /"ECDSA", "RSA"/,
    ],
  ])('%s is refused', (_n, spec, property, allowed) => {
    try {
      resolveGeneratedTls('tls', spec as never);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).property).toBe(property);
      expect((e as SpecError).message).toMatch(allowed);
    }
  });
});

describe('supplied TLS', () => {
  const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  test('a literal private key is refused without being shown', () => {
    expect(() =>
      resolveSuppliedTls('tls', {
        certificatePem: CERT,
        privateKeyPem: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' as unknown as SecretRef,
      }),
    ).toThrow(
      /^tls\.privateKeyPem: got <a PEM private key \(not shown\)>; a private key must be a secret reference/,
    );
  });
  test('a certificate that is not PEM is refused', () => {
    expect(() => resolveSuppliedTls('tls', { certificatePem: 'hello', privateKeyPem: TOKEN })).toThrow(
      /tls\.certificatePem: got "hello"/,
    );
  });
  test('PEM certificate and key reference are accepted', () => {
    expect(
      resolveSuppliedTls('tls', { certificatePem: CERT, privateKeyPem: TOKEN, caCertificatePem: CERT }),
    ).toEqual({
      certificatePem: CERT,
      privateKeyPem: TOKEN,
      caCertificatePem: CERT,
    });
  });
});

describe('publish', () => {
  test('binds to 127.0.0.1 by default', () => {
    expect(resolvePublish('p', { port: 5000 })).toEqual({ port: 5000, bindAddress: '127.0.0.1' });
  });
  test.each([
    [{ port: 0 }, 'p.port', /got 0; a port must be a whole number from 1 to 65535/],
    [{ port: 65536 }, 'p.port', /got 65536/],
    [{ port: 5000.5 }, 'p.port', /got 5000.5/],
    [{ port: 5000, bindAddress: 'localhost' }, 'p.bindAddress', /got "localhost"; allowed: an IPv4 address/],
    [{ port: 5000, bindAddress: '300.1.1.1' }, 'p.bindAddress', /got "300.1.1.1"/],
  ])('%j is refused', (spec, property, allowed) => {
    try {
      resolvePublish('p', spec);
      throw new Error('no error');
    } catch (e) {
      expect((e as SpecError).property).toBe(property);
      expect((e as SpecError).message).toMatch(allowed);
    }
  });
});
