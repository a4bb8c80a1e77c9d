import { checkDuration, checkUrl, checkWord } from './checks';
import { checkSecret, SecretRef, TextOrSecret } from './secret';
import { RegistryDialect } from './dialect';
import { SpecError } from './errors';

/** Pull-through cache of an upstream registry. A proxying registry refuses pushes. */
export interface ProxySpec {
  /** The upstream registry, for example `https://registry-1.docker.io`. */
  readonly remoteUrl: string;
  /** Upstream user name. @default anonymous pulls */
  readonly username?: TextOrSecret;
  /** Upstream password, a secret reference (a literal would reach the synthesized output). @default none */
  readonly password?: SecretRef;
  /** How long cached content is kept (registry 3.x only). @default the registry's 168h */
  readonly ttl?: string;
}

/** Proxy settings, validated. */
export type ResolvedProxy = ProxySpec;

/** Validates the proxy section against the dialect. */
export function resolveProxy(path: string, spec: ProxySpec, dialect: RegistryDialect): ResolvedProxy {
  const remoteUrl = checkUrl(`${path}.remoteUrl`, spec.remoteUrl, ['http', 'https']);
  if ((spec.username === undefined) !== (spec.password === undefined)) {
    throw new SpecError(
      `${path}.password`,
      spec.password === undefined ? undefined : '<secret reference>',
      'give username and password together, or neither',
    );
  }
  if (typeof spec.username === 'string') checkWord(`${path}.username`, spec.username);
  if (spec.password !== undefined) checkSecret(`${path}.password`, spec.password, 'an upstream password');
  if (spec.ttl !== undefined && !dialect.supportsProxyTtl) {
    throw new SpecError(
      `${path}.ttl`,
      spec.ttl,
      `proxy.ttl needs registry version 3; version is ${dialect.version}`,
    );
  }
  return {
    remoteUrl,
    ...(spec.username !== undefined ? { username: spec.username, password: spec.password } : {}),
    ...(spec.ttl !== undefined ? { ttl: checkDuration(`${path}.ttl`, spec.ttl) } : {}),
  };
}
