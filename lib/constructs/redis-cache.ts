import { Construct } from 'constructs';
import { checkDockerName, checkHostname, checkList } from '../model/checks';
import { RedisCacheSpec, ResolvedRedisCache, resolveRedisCache } from '../model/redis-cache';
import { RedisSpec } from '../model/redis';
import { redisPlan } from '../plans/redis-plan';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, Password } from './providers';
import { engineSecret } from './private/secret-values';
import { realizeService } from './service';

/** Props of {@link RedisCache}. */
export interface RedisCacheProps extends RedisCacheSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** The network shared with the registries. */
  readonly network: PlatformNetwork;
  /** Names the registries use. @default ['redis'] */
  readonly aliases?: readonly string[];
}

/**
 * Redis as the shared blob-descriptor cache of registry replicas: a generated password, `allkeys-lru`
 * under a memory cap, no persistence (a cache: `/data` is a tmpfs), never published to the host,
 * running as the image's `redis` user (999) with a read-only root and every capability dropped.
 * Construct ids `password`, `image`, `config`, `config-carrier` and `container` are public API.
 */
export class RedisCache extends Construct {
  /** The validated spec. */
  public readonly spec: ResolvedRedisCache;
  /** `host:port` the registries connect to. */
  public readonly address: string;
  /** The generated password (a Terraform reference). */
  public readonly password: string;
  /** The rendered redis.conf. */
  public readonly file: RenderedFile;
  /** The container resource. */
  public readonly container: Container;

  /** Defines the password, the config and the container. */
  public constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    this.spec = resolveRedisCache(id, props);
    const aliases = checkList(`${id}.aliases`, props.aliases ?? ['redis'], checkHostname);
    this.address = `${aliases[0] ?? name}:${this.spec.port}`;
    this.password = new Password(this, 'password', { length: 40, special: false }).result;
    const plan = redisPlan({ name, spec: this.spec, aliases, password: engineSecret(this.password) });
    const file = plan.files[0];
    if (file === undefined) throw new Error('internal: the Redis plan has no redis.conf');
    this.file = file;
    this.container = realizeService(this, plan, { network: props.network }).container;
  }

  /** The registry's `redis` section for this cache. */
  public registrySpec(): RedisSpec {
    return { addresses: [this.address], password: engineSecret(this.password) };
  }
}
