import { checkSpec } from '../checks';
import { checkDockerName, checkDuration, checkUrl, checkWord } from '../checks';
import { SpecError } from '../errors';
import { checkSecret, SecretRef } from '../secret';
import { DEFAULT_USERS, resolveHtpasswdUsers, ResolvedUser, UserSpec } from '../users';
import {
  PatternBaseProps,
  resolveHostname,
  resolvePatternBase,
  resolvePort,
  ResolvedPatternBase,
} from './common';

/** Props of the mirror pattern: a pull-through cache over TLS with htpasswd users. */
export interface MirrorRegistryProps extends PatternBaseProps {
  /** The upstream registry to cache. @default 'https://registry-1.docker.io' */
  readonly remoteUrl?: string;
  /** Upstream user name. @default anonymous */
  readonly remoteUsername?: string;
  /** Upstream password, a secret reference (cdktf: `terraformSecret(variable.stringValue)`). @default none */
  readonly remotePassword?: SecretRef;
  /**
   * An existing Docker network through which the mirror reaches `remoteUrl`, for an upstream
   * registry on the same engine. The registry must reach its upstream when it starts: 3.0.0
   * exits at start when the remote's `/v2/` cannot be fetched. @default none
   */
  readonly remoteNetwork?: string;
  /** How long cached content is kept (registry 3.x only). @default the registry's 168h */
  readonly ttl?: string;
  /** Hostname clients use. @default 'localhost' */
  readonly hostname?: string;
  /** Host port (TLS). @default 5444 */
  readonly port?: number;
  /** Users who may pull through the mirror (htpasswd: no roles). @default one user, admin */
  readonly users?: readonly UserSpec[];
}

/** {@link MirrorRegistryProps} validated, with defaults filled in. */
export interface ResolvedMirrorRegistry extends ResolvedPatternBase {
  readonly remoteUrl: string;
  readonly remoteUsername?: string;
  readonly remotePassword?: SecretRef;
  readonly remoteNetwork?: string;
  readonly ttl?: string;
  readonly hostname: string;
  readonly port: number;
  readonly users: readonly ResolvedUser[];
}

/** Validates the mirror pattern's props; every error names `<path>.<prop>`. */
export function resolveMirrorRegistry(
  path: string,
  given: MirrorRegistryProps,
  defaultPrefix: string,
): ResolvedMirrorRegistry {
  const props = checkSpec(path, given) as MirrorRegistryProps;
  const base = resolvePatternBase(path, props, defaultPrefix, 3);
  if ((props.remoteUsername === undefined) !== (props.remotePassword === undefined)) {
    throw new SpecError(
      `${path}.${props.remoteUsername === undefined ? 'remoteUsername' : 'remotePassword'}`,
      undefined,
      'give remoteUsername and remotePassword together, or neither',
    );
  }
  if (props.ttl !== undefined && !base.dialect.supportsProxyTtl) {
    throw new SpecError(
      `${path}.ttl`,
      props.ttl,
      `a cache ttl needs registryVersion 3; registryVersion is ${base.dialect.version}`,
    );
  }
  return {
    ...base,
    remoteUrl: checkUrl(`${path}.remoteUrl`, props.remoteUrl ?? 'https://registry-1.docker.io', [
      'http',
      'https',
    ]),
    ...(props.remoteUsername !== undefined
      ? { remoteUsername: checkWord(`${path}.remoteUsername`, props.remoteUsername) }
      : {}),
    ...(props.remotePassword !== undefined
      ? {
          remotePassword: checkSecret(
            `${path}.remotePassword`,
            props.remotePassword,
            'the upstream password',
          ),
        }
      : {}),
    ...(props.remoteNetwork !== undefined
      ? { remoteNetwork: checkDockerName(`${path}.remoteNetwork`, props.remoteNetwork) }
      : {}),
    ...(props.ttl !== undefined ? { ttl: checkDuration(`${path}.ttl`, props.ttl) } : {}),
    hostname: resolveHostname(`${path}.hostname`, props.hostname),
    port: resolvePort(`${path}.port`, props.port, 5444),
    users: resolveHtpasswdUsers(`${path}.users`, props.users ?? DEFAULT_USERS),
  };
}
