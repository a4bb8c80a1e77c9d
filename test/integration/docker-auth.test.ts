/**
 * The real token server (docker_auth 1.14.0, built from its vendored release by
 * scripts/install-test-programs.sh) starts with every rendered configuration variant and grants
 * exactly what the role table says; the real registries (2.8 and 3.0) accept its tokens only with
 * the key id the renderer chose for their dialect, and enforce the scopes; real nginx serves the
 * UI's token-auth server configuration.
 */

import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_ROLES, RegistryVersion, RoleSpec, TokenServerSpec } from '../../lib/model';
import { renderUiTokenConf } from '../../lib/render';
import { Lab, RegistryProcess } from '../helpers/lab';
import { freePort, get, waitFor } from '../helpers/net';
import { start } from '../helpers/processes';

const run = promisify(execFile);
import {
  makeTokenSigningCert,
  requestToken,
  startTokenServer,
  TokenServerProcess,
} from '../helpers/token-server';

/** The lab's role table: role → (repository → the actions it must get, of pull, push, delete). */
const TABLE: Record<string, Record<string, string>> = {
  admin: {
    'app/demo': 'pull,push,delete',
    'system/core': 'pull,push,delete',
    'app/staging/api': 'pull,push,delete',
  },
  developer: {
    'app/demo': 'pull,push',
    'library/alpine': 'pull,push',
    'app/team/api': 'pull,push',
    'system/core': '',
    'application/x': '',
    demo: '',
  },
  readonly: { 'app/demo': 'pull', 'system/core': 'pull', demo: 'pull' },
  ci: {
    'app/staging/api': 'pull,push',
    'app/production/web': 'pull,push',
    'app/dev/api': '',
    'app/staging': '',
    'system/core': '',
  },
};

async function withTokenServer(
  spec: TokenServerSpec,
  body: (lab: Lab, server: TokenServerProcess) => Promise<void>,
): Promise<void> {
  const lab = new Lab();
  try {
    makeTokenSigningCert(lab);
    const server = await startTokenServer(lab, spec);
    await body(lab, server);
    expect(server.output()).not.toMatch(/Passw0rd/);
  } finally {
    await lab.close();
  }
}

describe('docker_auth starts with the rendered configuration and enforces the role table', () => {
  test.each([2, 3] as const)('default roles and users (registry %i key id)', async (version) => {
    await withTokenServer({ registryVersion: version }, async (lab, server) => {
      expect(server.config).toContain(`disable_legacy_key_id: ${version === 3}`);
      for (const [role, repos] of Object.entries(TABLE)) {
        for (const [repo, expected] of Object.entries(repos)) {
          const got = await requestToken(
            server,
            lab.certs.caPem,
            role,
            `repository:${repo}:pull,push,delete`,
          );
          expect(got.status).toBe(200);
          const actions = got.grants.find((g) => g.name === repo)?.actions ?? [];
          expect(`${role} ${repo}: ${[...actions].sort().join(',')}`).toBe(
            `${role} ${repo}: ${expected.split(',').filter(Boolean).sort().join(',')}`,
          );
        }
      }
      const catalog = await requestToken(server, lab.certs.caPem, 'readonly', 'registry:catalog:*');
      expect(catalog.grants).toEqual([{ type: 'registry', name: 'catalog', actions: ['*'] }]);
      const ciCatalog = await requestToken(server, lab.certs.caPem, 'ci', 'registry:catalog:*');
      expect(ciCatalog.grants.flatMap((g) => g.actions)).toEqual([]);
    });
  });

  test('a wrong password, an unknown user and no credentials get no token', async () => {
    await withTokenServer({}, async (lab, server) => {
      expect(
        (await requestToken(server, lab.certs.caPem, 'admin', 'repository:a:pull', 'wrong')).status,
      ).toBe(401);
      expect((await requestToken(server, lab.certs.caPem, 'nobody', 'repository:a:pull', 'x')).status).toBe(
        401,
      );
      const anonymous = await get(`${server.realm}?service=${server.spec.service}&scope=repository:a:pull`, {
        ca: lab.certs.caPem,
      });
      expect(anonymous.status).toBe(401);
    });
  });

  test('custom roles, a user with two roles (union), TLS 1.3 only and a short token lifetime', async () => {
    const roles: RoleSpec[] = [
      ...DEFAULT_ROLES,
      { name: 'janitor', grants: [{ repositories: ['app/*'], actions: ['delete'] }] },
    ];
    await withTokenServer(
      {
        roles,
        users: [
          { name: 'dev-readall', roles: ['developer', 'readonly'] },
          { name: 'cleaner', roles: ['developer', 'janitor'] },
        ],
        tlsMinimumVersion: 'tls1.3',
        tokenLifetimeSeconds: 60,
      },
      async (lab, server) => {
        const ask = async (user: string, repo: string): Promise<string> =>
          [
            ...((await requestToken(server, lab.certs.caPem, user, `repository:${repo}:pull,push,delete`))
              .grants[0]?.actions ?? []),
          ]
            .sort()
            .join(',');
        expect(await ask('dev-readall', 'app/demo')).toBe('pull,push');
        expect(await ask('dev-readall', 'system/core')).toBe('pull');
        expect(await ask('cleaner', 'app/demo')).toBe('delete,pull,push');
        expect(await ask('cleaner', 'library/x')).toBe('pull,push');
        expect(await ask('cleaner', 'system/core')).toBe('');
        const token =
          (await requestToken(server, lab.certs.caPem, 'cleaner', 'repository:app/x:pull')).token ?? '';
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
          exp: number;
          iat: number;
        };
        expect(claims.exp - claims.iat).toBe(60);
        const tls12 = get(server.realm, { ca: lab.certs.caPem, maxVersion: 'TLSv1.2' });
        await expect(tls12).rejects.toThrow(/version|alert|handshake/i);
      },
    );
  });
});

describe.each([2, 3] as const)(
  'registry %i.x verifies the tokens and enforces their scopes',
  (version: RegistryVersion) => {
    test('push allowed by the role starts an upload; outside it, 401 insufficient scope; anonymous gets the Bearer challenge', async () => {
      await withTokenServer({ registryVersion: version }, async (lab, server) => {
        const registry = await tokenRegistry(lab, server, version);
        const anonymous = await get(`${registry.url}/v2/`, { ca: lab.certs.caPem });
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers['www-authenticate']).toBe(
          `Bearer realm="${server.realm}",service="${server.spec.service}"`,
        );
        const startUpload = async (user: string, repo: string): Promise<number> => {
          const { token } = await requestToken(server, lab.certs.caPem, user, `repository:${repo}:pull,push`);
          return (await post(`${registry.url}/v2/${repo}/blobs/uploads/`, lab.certs.caPem, token ?? ''))
            .status;
        };
        expect(await startUpload('developer', 'app/demo')).toBe(202);
        expect(await startUpload('developer', 'system/core')).toBe(401);
        expect(await startUpload('readonly', 'app/demo')).toBe(401);
        expect(await startUpload('ci', 'app/staging/api')).toBe(202);
        expect(await startUpload('ci', 'app/dev/api')).toBe(401);
      });
    });

    test(`a token with the other dialect's key id is refused`, async () => {
      await withTokenServer({ registryVersion: version === 2 ? 3 : 2 }, async (lab, server) => {
        const registry = await tokenRegistry(lab, server, version);
        const { token } = await requestToken(
          server,
          lab.certs.caPem,
          'admin',
          'repository:app/demo:pull,push',
        );
        expect(
          (await post(`${registry.url}/v2/app/demo/blobs/uploads/`, lab.certs.caPem, token ?? '')).status,
        ).toBe(401);
      });
    });
  },
);

/** The real registry with TLS and token auth against `server`. */
function tokenRegistry(
  lab: Lab,
  server: TokenServerProcess,
  version: RegistryVersion,
): Promise<RegistryProcess> {
  return lab.registry(version, {
    http: { tls: {} },
    auth: { type: 'token', realm: server.realm, service: server.spec.service, issuer: server.spec.issuer },
  });
}

/** A POST with a bearer token (starts a blob upload). */
async function post(url: string, ca: string, token: string): Promise<{ status: number }> {
  const { request } = await import('node:https');
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'POST',
        ca,
        servername: 'localhost',
        agent: false,
        timeout: 5000,
        headers: { authorization: `Bearer ${token}`, 'content-length': '0' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: POST ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

describe("the UI's nginx configuration for token auth (real nginx, registry and docker_auth)", () => {
  test('one origin: /v2 challenges with realm /auth, /auth gives a token, the token opens /v2', async () => {
    await withTokenServer({}, async (lab, server) => {
      const registry = await tokenRegistry(lab, server, 2);
      const port = await freePort();
      const conf = renderUiTokenConf({
        registryUrl: `https://127.0.0.1:${registry.port}`,
        tokenServerUrl: server.realm.replace(/\/auth$/, ''),
      });
      const dir = join(lab.dir, `ui-${port}`);
      mkdirSync(dir);
      chmodSync(dir, 0o777);
      writeFileSync(
        join(dir, 'default.conf'),
        conf.content.replace('listen 80;', `listen 127.0.0.1:${port};`),
      );
      writeFileSync(
        join(dir, 'nginx.conf'),
        [
          `pid ${dir}/nginx.pid;`,
          'error_log stderr warn;',
          'events {}',
          `http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
          `  include ${dir}/default.conf; }`,
          '',
        ].join('\n'),
      );
      const check = await run('nginx', ['-t', '-c', join(dir, 'nginx.conf')]).catch(
        (e: { stderr: string }) => e,
      );
      expect(JSON.stringify(check)).toMatch(/syntax is ok/);
      const nginx = lab.track(start('nginx', ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']));
      const origin = `http://127.0.0.1:${port}`;
      await waitFor('ui nginx', 10000, async () => {
        if (nginx.proc.exitCode !== null) throw new Error(nginx.output());
        return (await get(`${origin}/v2/`)).status === 401;
      });
      const challenge = await get(`${origin}/v2/_catalog`);
      expect(challenge.status).toBe(401);
      expect(challenge.headers['www-authenticate']).toBe(
        `Bearer realm="/auth",service="${server.spec.service}",scope="registry:catalog:*"`,
      );
      const auth = `${origin}/auth?service=${server.spec.service}&scope=registry:catalog:*`;
      expect((await get(auth)).status).toBe(401);
      const tokenRes = await get(auth, {
        auth: { user: 'readonly', password: server.passwords.readonly ?? '' },
      });
      expect(tokenRes.status).toBe(200);
      const token = (JSON.parse(tokenRes.body) as { token: string }).token;
      const catalog = await get(`${origin}/v2/_catalog`, { bearer: token });
      expect(catalog.status).toBe(200);
      expect(JSON.parse(catalog.body)).toEqual({ repositories: [] });
    });
  });
});
