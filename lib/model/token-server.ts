import { DEFAULT_ROLES, ResolvedRole, resolveRoles, RoleSpec, compileUserPolicy, UserPolicy } from './access';
import { checkInt, checkPort, checkWord, checkSpec } from './checks';
import { dialectFor, RegistryVersion } from './dialect';
import { checkTlsMinimum, TlsMinimumVersion } from './http';
import { DEFAULT_TOKEN_USERS, ResolvedUser, resolveTokenUsers, UserSpec } from './users';

/** Everything that decides one token server's configuration (docker_auth). */
export interface TokenServerSpec {
  /** Major version of the registry that verifies the tokens: decides the token's key id. @default 2 */
  readonly registryVersion?: RegistryVersion;
  /** Port the token server listens on inside its container. @default 5001 */
  readonly port?: number;
  /** The issuer written into tokens; the registry checks it. @default 'registry-platform-token-server' */
  readonly issuer?: string;
  /** The service name tokens are issued for; the registry checks it. @default 'container-registry' */
  readonly service?: string;
  /** Lifetime of a token in seconds. @default 900 */
  readonly tokenLifetimeSeconds?: number;
  /** Lowest TLS version of the token endpoint. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** The roles. @default the lab's: admin, developer, readonly, ci ({@link DEFAULT_ROLES}) */
  readonly roles?: readonly RoleSpec[];
  /** The users and their roles. @default admin, developer, readonly and ci, each with the role of its name */
  readonly users?: readonly UserSpec[];
}

/** A token server spec with defaults filled in and every user's policy compiled. */
export interface ResolvedTokenServer {
  readonly registryVersion: RegistryVersion;
  /**
   * Whether tokens carry the RFC 7638 thumbprint as key id (`token.disable_legacy_key_id`):
   * registry 3 accepts only that, registry 2.8 only the legacy libtrust key id.
   */
  readonly disableLegacyKeyId: boolean;
  readonly port: number;
  readonly issuer: string;
  readonly service: string;
  readonly tokenLifetimeSeconds: number;
  readonly tlsMinimumVersion: TlsMinimumVersion;
  readonly roles: readonly ResolvedRole[];
  readonly users: readonly ResolvedUser[];
  readonly policies: readonly UserPolicy[];
}

/**
 * Validates a token server spec, fills in defaults and compiles each user's roles into ordered
 * access rules. `path` prefixes every property name in error messages.
 * @throws SpecError naming the property, showing the value and saying what is allowed
 */
export function resolveTokenServer(path: string, given?: TokenServerSpec): ResolvedTokenServer {
  const spec = checkSpec(path, given) as TokenServerSpec;
  const dialect = dialectFor(`${path}.registryVersion`, spec.registryVersion ?? 2);
  const roles = resolveRoles(`${path}.roles`, spec.roles ?? DEFAULT_ROLES);
  const users = resolveTokenUsers(`${path}.users`, spec.users ?? DEFAULT_TOKEN_USERS, roles);
  const policies = users.map((u, i) =>
    compileUserPolicy(
      `${path}.users[${i}].roles`,
      u.name,
      u.roles.map((name) => roles.find((r) => r.name === name)).filter((r) => r !== undefined),
    ),
  );
  return {
    registryVersion: dialect.version,
    disableLegacyKeyId: dialect.version === 3,
    port: checkPort(`${path}.port`, spec.port ?? 5001),
    issuer: checkWord(`${path}.issuer`, spec.issuer ?? 'registry-platform-token-server'),
    service: checkWord(`${path}.service`, spec.service ?? 'container-registry'),
    tokenLifetimeSeconds: checkInt(
      `${path}.tokenLifetimeSeconds`,
      spec.tokenLifetimeSeconds ?? 900,
      60,
      86400,
    ),
    tlsMinimumVersion: checkTlsMinimum(`${path}.tlsMinimumVersion`, spec.tlsMinimumVersion ?? 'tls1.2'),
    roles,
    users,
    policies,
  };
}
