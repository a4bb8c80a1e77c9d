import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { MONITORING_PORTS, redisExporterPlan } from '../plans/monitoring-plans';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { engineSecret } from './private/secret-values';
import { RedisCache } from './redis-cache';
import { realizeService } from './service';
import { Upstream } from './upstream';

/** Props of {@link RedisExporter}. */
export interface RedisExporterProps {
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

/**
 * redis_exporter for the platform's Redis (`redis_up`), on both networks, the password from the
 * cache's generated secret. Construct ids `image` and `container` are public API.
 */
export class RedisExporter extends Construct implements Upstream {
  /** Where Prometheus reaches it. */
  public readonly endpoint: ServiceEndpoint = {
    host: 'redis-exporter',
    port: MONITORING_PORTS.redisExporter,
    scheme: 'http',
  };
  /** The container. */
  public readonly container: Container;

  /** Defines the container. */
  public constructor(scope: Construct, id: string, props: RedisExporterProps) {
    super(scope, id);
    const plan = redisExporterPlan({
      name: checkDockerName(`${id}.name`, props.name),
      image: props.image ?? 'oliver006/redis_exporter:v1.45.0',
      redisAddress: props.redis.address,
      redisPassword: engineSecret(props.redis.password),
    });
    this.container = realizeService(this, plan, {
      network: props.network,
      moreNetworks: [{ network: props.monitoringNetwork, aliases: ['redis-exporter'] }],
      dependsOn: [props.redis.container],
    }).container;
  }
}
