import { LoadBalancerSpec, loadBalancerEndpoint, resolveLoadBalancer } from '../../model/load-balancer';
import { ResolvedHaRegistry } from '../../model/patterns/ha';
import { RedisCacheSpec } from '../../model/redis-cache';
import { ResolvedUser } from '../../model/users';
import { LoadBalancerComponentSpec } from '../load-balancer-component';
import { caOutputs, credentialsOutput, dataVolumeOutput, PatternOutput } from '../pattern-outputs';
import { RegistryComponentSpec } from '../registry-component';
import { UiComponentSpec } from '../ui-component';
import { CertificateNames, PatternMonitoringWiring } from './secure';

/** The HA pattern decided for any engine. */
export interface HaLayout {
  readonly networkName: string;
  readonly monitoringNetworkName?: string;
  readonly certificateNames: CertificateNames;
  readonly users: readonly ResolvedUser[];
  /** The Redis cache (the adapter adds the network). */
  readonly redis: RedisCacheSpec & { readonly name: string };
  readonly registryUrl: string;
  /**
   * The replicas, in order (the adapter adds the network, the shared http secret, the Redis
   * section and the users).
   */
  readonly replicas: readonly RegistryComponentSpec[];
  /** The UI, when deployed, proxying `/v2` back through the load balancer. */
  readonly ui?: UiComponentSpec;
  /** The load balancer (the adapter adds the network, replicas, TLS material and UI). */
  readonly loadBalancer: LoadBalancerComponentSpec;
  readonly monitoring?: PatternMonitoringWiring;
  outputs(values: {
    readonly caCertificatePem: unknown;
    readonly passwords: Readonly<Record<string, unknown>>;
    readonly dataVolumeName: string;
    readonly monitoring?: Readonly<Record<string, PatternOutput>>;
  }): Record<string, PatternOutput>;
}

/**
 * Decides the HA pattern: N replicas on one data volume with the Redis cache, plain HTTP on the
 * private network, nginx terminating TLS (and the redirect) on the bind address, the UI behind it.
 */
export function haLayout(path: string, p: ResolvedHaRegistry): HaLayout {
  const registryUrl = `https://${p.hostname}:${p.port}`;
  const lbSpec: LoadBalancerSpec = { serverName: p.hostname, tlsMinimumVersion: p.tlsMinimumVersion };
  const replicas: RegistryComponentSpec[] = [];
  for (let i = 1; i <= p.replicas; i++) {
    replicas.push({
      name: `${p.prefix}-registry-${i}`,
      aliases: [`registry-${i}`],
      publish: false,
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: registryUrl },
      dataVolumeName: `${p.prefix}-registry-data`,
      storage: { deleteEnabled: true, cache: 'redis' },
      notifications: p.notifications,
    });
  }
  return {
    networkName: `${p.prefix}-net`,
    ...(p.monitoring ? { monitoringNetworkName: `${p.prefix}-monitoring` } : {}),
    certificateNames: {
      hostnames: [p.hostname, ...p.extraHostnames],
      serviceNames: ['lb', `${p.prefix}-lb`],
    },
    users: p.users,
    redis: { name: `${p.prefix}-redis`, maxMemoryMb: p.redisMaxMemoryMb },
    registryUrl,
    replicas,
    ...(p.ui
      ? {
          ui: {
            name: `${p.prefix}-ui`,
            proxyTo: loadBalancerEndpoint(resolveLoadBalancer(path, lbSpec), 'lb'),
            publish: false,
          },
        }
      : {}),
    loadBalancer: {
      ...lbSpec,
      name: `${p.prefix}-lb`,
      aliases: ['lb'],
      publish: { port: p.port, bindAddress: p.bindAddress },
      redirectPublish: { port: p.httpPort, bindAddress: p.bindAddress },
    },
    ...(p.monitoring
      ? {
          monitoring: {
            prefix: p.prefix,
            monitoring: p.monitoring,
            notifications: p.notifications.length > 0,
            bindAddress: p.bindAddress,
          },
        }
      : {}),
    outputs: (v) => ({
      ...(v.monitoring ?? {}),
      registry_url: { value: registryUrl, description: 'URL of the registry (load balancer)' },
      ...caOutputs(v.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(v.passwords),
      data_volume: dataVolumeOutput(v.dataVolumeName, 'the images, shared by the replicas'),
    }),
  };
}
