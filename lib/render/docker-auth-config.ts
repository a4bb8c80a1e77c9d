import { ResolvedTokenServer } from '../model/token-server';
import { UserPolicy } from '../model/access';
import { patternRegex } from '../model/repository-pattern';
import { SecretRef } from '../model/secret';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';
import { toYaml } from './yaml';

/** Where docker_auth's files live inside its container (the official image reads `/config`). */
export interface DockerAuthPaths {
  /** The directory holding every delivered file. */
  readonly configDir: string;
  /** The configuration file (the image's default argument). */
  readonly config: string;
  /** The HTTPS certificate of the token endpoint. */
  readonly serverCertificate: string;
  /** Its key. */
  readonly serverKey: string;
  /** The certificate of the token signing key: what the registry's `rootcertbundle` holds. */
  readonly tokenCertificate: string;
  /** The token signing key. */
  readonly tokenKey: string;
}

/** The file layout of the docker_auth container. */
export const DOCKER_AUTH_PATHS: DockerAuthPaths = {
  configDir: '/config',
  config: '/config/auth_config.yml',
  serverCertificate: '/config/tls/server.crt',
  serverKey: '/config/tls/server.key',
  tokenCertificate: '/config/token/token.crt',
  tokenKey: '/config/token/token.key',
};

/** Values that come from outside the spec. */
export interface DockerAuthConfigInputs {
  /**
   * Each user's bcrypt hash by user name, a secret the engine supplies. Every user must have
   * one: docker_auth lets a user without a password in with any password.
   */
  readonly passwordHashes: Readonly<Record<string, SecretRef>>;
  /** Where the files live. @default {@link DOCKER_AUTH_PATHS} */
  readonly paths?: DockerAuthPaths;
}

type Yaml = Record<string, unknown>;

const TLS_VERSION = { 'tls1.2': 'TLS12', 'tls1.3': 'TLS13' } as const;

/**
 * The access list: per user, the catalog rule, then its compiled rules in order (docker_auth
 * stops at the first entry that matches). Accounts are matched literally (user names have no glob
 * characters); repository patterns become anchored regular expressions. A request no entry matches
 * is denied.
 */
export function dockerAuthAcl(policies: readonly UserPolicy[]): Yaml[] {
  const acl: Yaml[] = [];
  for (const p of policies) {
    if (p.catalog) {
      acl.push({
        match: { account: p.user, type: 'registry', name: 'catalog' },
        actions: ['*'],
        comment: `${p.user}: list repositories`,
      });
    }
    for (const rule of p.rules) {
      acl.push({
        match: {
          account: p.user,
          type: 'repository',
          name: `/^(?:${rule.repositories.map(patternRegex).join('|')})$/`,
        },
        actions: [...rule.actions],
        comment: `${p.user} (${rule.roles.join(', ')}): ${rule.repositories.join(', ')}`,
      });
    }
  }
  return acl;
}

/**
 * Builds docker_auth's `auth_config.yml` as an object (before serialization); the password hashes
 * are placeholders placed in `slots`.
 */
export function dockerAuthConfigObject(
  spec: ResolvedTokenServer,
  inputs: DockerAuthConfigInputs,
  slots: SecretSlots = new SecretSlots(),
): Yaml {
  const paths = inputs.paths ?? DOCKER_AUTH_PATHS;
  const users: Yaml = {};
  for (const u of spec.users) {
    const hash = inputs.passwordHashes[u.name];
    if (hash === undefined) throw new Error(`internal: no password hash for token user ${u.name}`);
    users[u.name] = { password: slots.place(`users.${u.name}.password`, hash) };
  }
  return {
    server: {
      addr: `:${spec.port}`,
      certificate: paths.serverCertificate,
      key: paths.serverKey,
      tls_min_version: TLS_VERSION[spec.tlsMinimumVersion],
      hsts: true,
    },
    token: {
      issuer: spec.issuer,
      expiration: spec.tokenLifetimeSeconds,
      certificate: paths.tokenCertificate,
      key: paths.tokenKey,
      disable_legacy_key_id: spec.disableLegacyKeyId,
    },
    users,
    acl: dockerAuthAcl(spec.policies),
  };
}

/** Renders docker_auth's configuration file. Pure: same inputs, same bytes. */
export function renderDockerAuthConfig(
  spec: ResolvedTokenServer,
  inputs: DockerAuthConfigInputs,
): RenderedFile {
  const slots = new SecretSlots();
  const content = toYaml(dockerAuthConfigObject(spec, inputs, slots));
  return slots.file((inputs.paths ?? DOCKER_AUTH_PATHS).config, content, '0640');
}
