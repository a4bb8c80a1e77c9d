import { Construct } from 'constructs';
import { checkDockerName, checkHostname, checkList } from '../model/checks';
import { RedisCacheSpec, ResolvedRedisCache, resolveRedisCache } from '../model/redis-cache';
import { RedisSpec } from '../model/redis';
import { RenderedFile } from '../render/file';
import { renderRedisConf } from '../render/redis-conf';
import { hardening, healthcheck } from './hardening';
import { PlatformNetwork } from './platform-network';
import { deliverConfigFiles } from './config-files';
import { startsAfter } from './started-with';
import { Container, Image, Password } from './providers';

/** Props of {@link RedisCache}. */
export interface RedisCacheProps extends RedisCacheSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** The network shared with the registries. */
  readonly network: PlatformNetwork;
  /** Names the registries use. @default ['redis'] */
  readonly aliases?: readonly string[];
}

const CONFIG_DIR = '/usr/local/etc/redis';

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
    this.file = renderRedisConf(this.spec, { path: `${CONFIG_DIR}/redis.conf`, password: this.password });
    const image = new Image(this, 'image', { name: this.spec.image, keepLocally: true });
    const config = deliverConfigFiles(this, {
      name,
      imageId: image.imageId,
      containerPath: CONFIG_DIR,
      files: [this.file],
    });
    const h = hardening();
    this.container = new Container(this, 'container', {
      name,
      image: image.imageId,
      user: '999:999',
      command: ['redis-server', this.file.path],
      restart: 'unless-stopped',
      mustRun: true,
      networksAdvanced: [{ name: props.network.ref, aliases }],
      volumes: [config.mount],
      readOnly: true,
      tmpfs: { '/data': 'rw,noexec,nosuid,size=16m', '/tmp': 'rw,noexec,nosuid,size=16m' },
      capabilities: { drop: h.drop },
      securityOpts: h.securityOpts,
      healthcheck: healthcheck([
        'CMD-SHELL',
        `redis-cli -p ${this.spec.port} --no-auth-warning -a "$(sed -n 's/^requirepass //p' ${this.file.path})" ping | grep -q PONG`,
      ]),
      ...startsAfter([config.carrier]),
    });
  }

  /** The registry's `redis` section for this cache. */
  public registrySpec(): RedisSpec {
    return { addresses: [this.address], password: this.password };
  }
}
