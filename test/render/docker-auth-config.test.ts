import { parse } from 'yaml';
import { resolveTokenServer } from '../../lib/model';
import { DOCKER_AUTH_PATHS, renderDockerAuthConfig } from '../../lib/render';
import { filled, testSecret } from '../helpers/secrets';

interface Entry {
  match: { account: string; type: string; name: string };
  actions: string[];
}

const HASHES = {
  admin: testSecret('H-admin'),
  developer: testSecret('H-dev'),
  readonly: testSecret('H-ro'),
  ci: testSecret('H-ci'),
};

/** docker_auth's static ACL, emulated: literal account, `/regex/` name, first match wins, else deny. */
function allowed(acl: Entry[], account: string, type: string, name: string): string[] {
  for (const e of acl) {
    const n = e.match.name;
    const nameOk = n.startsWith('/') ? new RegExp(n.slice(1, -1)).test(name) : n === name;
    if (e.match.account === account && e.match.type === type && nameOk) return e.actions;
  }
  return [];
}

describe('docker_auth configuration', () => {
  const file = renderDockerAuthConfig(resolveTokenServer('token'), { passwordHashes: HASHES });
  const doc = parse(filled(file)) as {
    server: Record<string, unknown>;
    token: Record<string, unknown>;
    users: Record<string, { password: string }>;
    acl: Entry[];
  };

  test('is at the image path, TLS 1.2+ with HSTS, a separate signing key, every user with a password', () => {
    expect(file.path).toBe('/config/auth_config.yml');
    expect(doc.server).toEqual({
      addr: ':5001',
      certificate: DOCKER_AUTH_PATHS.serverCertificate,
      key: DOCKER_AUTH_PATHS.serverKey,
      tls_min_version: 'TLS12',
      hsts: true,
    });
    expect(doc.token).toEqual({
      issuer: 'registry-platform-token-server',
      expiration: 900,
      certificate: DOCKER_AUTH_PATHS.tokenCertificate,
      key: DOCKER_AUTH_PATHS.tokenKey,
      disable_legacy_key_id: false,
    });
    expect(doc.users).toEqual({
      admin: { password: 'H-admin' },
      developer: { password: 'H-dev' },
      readonly: { password: 'H-ro' },
      ci: { password: 'H-ci' },
    });
    expect(Object.keys(doc.users)).not.toContain('');
  });

  test.each([
    ['admin', 'system/core', 'pull,push,delete'],
    ['admin', 'app/demo', 'pull,push,delete'],
    ['developer', 'app/demo', 'pull,push'],
    ['developer', 'app/team/api', 'pull,push'],
    ['developer', 'library/alpine', 'pull,push'],
    ['developer', 'system/core', ''],
    ['developer', 'application/x', ''],
    ['readonly', 'app/demo', 'pull'],
    ['readonly', 'system/core', 'pull'],
    ['ci', 'app/staging/api', 'pull,push'],
    ['ci', 'app/production/web', 'pull,push'],
    ['ci', 'app/dev/api', ''],
    ['ci', 'library/alpine', ''],
    ['nobody', 'app/demo', ''],
  ])('the rendered ACL gives %s on %s: [%s] (the role table)', (user, repo, actions) => {
    expect(allowed(doc.acl, user, 'repository', repo).join(',')).toBe(actions);
  });

  test('the catalog: admin, developer and readonly may list it, ci may not', () => {
    expect(
      ['admin', 'developer', 'readonly', 'ci'].map((u) => allowed(doc.acl, u, 'registry', 'catalog').join()),
    ).toEqual(['*', '*', '*', '']);
  });

  test('registry 3 gets the RFC 7638 key id; rendering twice gives the same bytes', () => {
    const v3 = renderDockerAuthConfig(resolveTokenServer('token', { registryVersion: 3 }), {
      passwordHashes: HASHES,
    });
    expect(parse(v3.content).token.disable_legacy_key_id).toBe(true);
    expect(renderDockerAuthConfig(resolveTokenServer('token'), { passwordHashes: HASHES }).content).toBe(
      file.content,
    );
  });
});
