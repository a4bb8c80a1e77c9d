import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { MONITORING_PORTS, redisExporterPlan } from '../plans/monitoring-plans';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { engineSecret } from './private/values';
import { RedisCache } from './redis-cache';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Args of {@link RedisExporter}. */
export interface RedisExporterArgs {
  /** Container name. */
  readonly name: string;
  /** The platform network (where Redis is). */
  readonly network: PlatformNetwork;
  /** The monitoring network (where Prometheus scrapes it). */
  readonly monitoringNetwork: PlatformNetwork;
  /** The Redis to watch. */
  readonly redis: RedisCache;
  /** @default 'oliver006/redis_exporter:v1.45.0' */
  readonly image?: string;
}

/** redis_exporter on both networks, as the cdktf `RedisExporter`. Children `<name>-image`, `<name>-container`. */
export class RedisExporter extends pulumi.ComponentResource implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'redis-exporter',
    port: MONITORING_PORTS.redisExporter,
    scheme: 'http',
  };
  /** The container. */
  public readonly container: docker.Container;

  /** Defines the container. */
  public constructor(name: string, args: RedisExporterArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:RedisExporter', name, {}, opts);
    const plan = redisExporterPlan({
      name: checkDockerName(`${name}.name`, args.name),
      image: args.image ?? 'oliver006/redis_exporter:v1.45.0',
      redisAddress: args.redis.address,
      redisPassword: engineSecret(args.redis.password),
    });
    this.container = realizeService(this, name, plan, {
      network: args.network,
      moreNetworks: [{ network: args.monitoringNetwork, aliases: ['redis-exporter'] }],
      dependsOn: [args.redis.container],
    }).container;
    this.registerOutputs({});
  }
}
