import { checkDockerName, checkHostname, checkList } from '../model/checks';
import { RedisSpec } from '../model/redis';
import { RedisCacheSpec, ResolvedRedisCache, resolveRedisCache } from '../model/redis-cache';
import { redisPlan } from '../plans/redis-plan';
import { RenderedFile } from '../render/file';
import { docker, pulumi, random } from './engine';
import { PlatformNetwork } from './network';
import { engineSecret } from './private/values';
import { realizeService } from './service';

/** Args of {@link RedisCache}. */
export interface RedisCacheArgs extends RedisCacheSpec {
  /** Container name, also the prefix of its config volume. */
  readonly name: string;
  /** The network shared with the registries. */
  readonly network: PlatformNetwork;
  /** Names the registries use. @default ['redis'] */
  readonly aliases?: readonly string[];
}

/**
 * Redis as the replicas' shared blob-descriptor cache, as the cdktf `RedisCache`: a generated
 * password, no persistence, never published. Children `<name>-password`, `<name>-image`,
 * `<name>-config`, `<name>-config-carrier` and `<name>-container`.
 */
export class RedisCache extends pulumi.ComponentResource {
  /** The validated spec. */
  public readonly spec: ResolvedRedisCache;
  /** `host:port` the registries connect to. */
  public readonly address: string;
  /** The generated password (secret). */
  public readonly password: pulumi.Output<string>;
  /** The rendered redis.conf. */
  public readonly file: RenderedFile;
  /** The container. */
  public readonly container: docker.Container;

  /** Defines the password, the config and the container. */
  public constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:RedisCache', name, {}, opts);
    const containerName = checkDockerName(`${name}.name`, args.name);
    this.spec = resolveRedisCache(name, args);
    const aliases = checkList(`${name}.aliases`, args.aliases ?? ['redis'], checkHostname);
    this.address = `${aliases[0] ?? containerName}:${this.spec.port}`;
    this.password = pulumi.secret(
      new random.RandomPassword(
        `${name}-password`,
        { length: 40, special: false },
        { parent: this, additionalSecretOutputs: ['result'] },
      ).result,
    );
    const plan = redisPlan({
      name: containerName,
      spec: this.spec,
      aliases,
      password: engineSecret(this.password),
    });
    const file = plan.files[0];
    if (file === undefined) throw new Error('internal: the Redis plan has no redis.conf');
    this.file = file;
    this.container = realizeService(this, name, plan, { network: args.network }).container;
    this.registerOutputs({ address: this.address });
  }

  /** The registry's `redis` section for this cache. */
  public registrySpec(): RedisSpec {
    return { addresses: [this.address], password: engineSecret(this.password) };
  }
}
