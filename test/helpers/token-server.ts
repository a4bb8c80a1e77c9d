/**
 * The real docker_auth program started with a configuration this library renders, on 127.0.0.1,
 * with test-made certificates, a test-made token signing key and bcrypt hashes of known passwords.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { ResolvedTokenServer, resolveTokenServer, TokenServerSpec } from '../../lib/model';
import { renderDockerAuthConfig } from '../../lib/render';
import { Lab } from './lab';
import { filled, testSecret } from './secrets';
import { freePort, get, waitFor } from './net';
import { dockerAuthBinary } from './programs';
import { start, Started } from './processes';

/** A running token server. */
export interface TokenServerProcess extends Started {
  readonly spec: ResolvedTokenServer;
  readonly realm: string;
  /** Each user's password. */
  readonly passwords: Readonly<Record<string, string>>;
  /** The rendered configuration, as written. */
  readonly config: string;
}

/** What a token grants, read from its claims. */
export interface Grant {
  readonly type: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/**
 * Writes a token signing key and its self-signed certificate (ES256, as the constructs make) into
 * the lab, at `token.key` and `token.crt` (the lab registry's rootcertbundle path).
 */
export function makeTokenSigningCert(lab: Lab): void {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'].concat([
      '-subj',
      '/CN=test token issuer',
      '-keyout',
      'token.key',
      '-out',
      'token.crt',
    ]),
    { cwd: lab.dir, stdio: 'pipe' },
  );
}

/** Starts docker_auth with the rendered config; every user's password is `<name>-Passw0rd-<n>`. */
export async function startTokenServer(lab: Lab, spec: TokenServerSpec): Promise<TokenServerProcess> {
  const port = await freePort();
  const resolved = resolveTokenServer('token', { ...spec, port });
  const passwords = Object.fromEntries(resolved.users.map((u, i) => [u.name, `${u.name}-Passw0rd-${i}`]));
  const file = renderDockerAuthConfig(resolved, {
    passwordHashes: Object.fromEntries(
      resolved.users.map((u) => [u.name, testSecret(hashSync(passwords[u.name] ?? '', 6))]),
    ),
    paths: {
      configDir: lab.dir,
      config: join(lab.dir, `auth-${port}.yml`),
      serverCertificate: lab.certs.certFile,
      serverKey: lab.certs.keyFile,
      tokenCertificate: join(lab.dir, 'token.crt'),
      tokenKey: join(lab.dir, 'token.key'),
    },
  });
  writeFileSync(file.path, filled(file));
  const proc = lab.track(start(dockerAuthBinary(), ['--logtostderr=true', file.path]));
  const realm = `https://127.0.0.1:${port}/auth`;
  await waitFor(`docker_auth on ${realm}`, 15000, async () => {
    if (proc.proc.exitCode !== null) throw new Error(`docker_auth exited:\n${proc.output()}`);
    await get(realm, { ca: lab.certs.caPem });
    return true;
  });
  return { ...proc, spec: resolved, realm, passwords, config: file.content };
}

/** Asks the token server for `scope` as `user`; resolves to the HTTP status, the token and its grants. */
export async function requestToken(
  server: TokenServerProcess,
  ca: string,
  user: string,
  scope: string,
  password = server.passwords[user] ?? '',
): Promise<{ status: number; token?: string; grants: Grant[] }> {
  const url = `${server.realm}?service=${encodeURIComponent(server.spec.service)}&scope=${encodeURIComponent(scope)}&account=${encodeURIComponent(user)}`;
  const res = await get(url, { ca, auth: { user, password } });
  if (res.status !== 200) return { status: res.status, grants: [] };
  const token = (JSON.parse(res.body) as { token: string }).token;
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    access?: Grant[];
  };
  return { status: res.status, token, grants: claims.access ?? [] };
}
