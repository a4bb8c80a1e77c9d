import { LoadBalancerSpec, loadBalancerEndpoint, resolveLoadBalancer } from '../../model/load-balancer';
import { HaRegistryProps, ResolvedHaRegistry, resolveHaRegistry } from '../../model/patterns/ha';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  RegistryPattern,
} from '../../plans/pattern-outputs';
import { pulumi, random } from '../engine';
import { LoadBalancer } from '../load-balancer';
import { PlatformNetwork } from '../network';
import { RedisCache } from '../redis-cache';
import { Registry } from '../registry';
import { RegistryUi } from '../registry-ui';
import { RegistryCertificates } from '../tls';
import { HtpasswdUsers } from '../users';
import { pulumiOutputs } from './outputs';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';

/**
 * nginx terminating TLS in front of N registry replicas sharing one volume, one generated
 * `http.secret` and a Redis cache, as the cdktf `HaRegistry`. Children `<name>-network`,
 * `<name>-tls`, `<name>-users`, `<name>-http-secret`, `<name>-redis`, `<name>-registry-<n>`,
 * `<name>-ui`, `<name>-lb` and `<name>-monitoring`.
 */
export class HaRegistry extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedHaRegistry;
  /** The replicas. */
  public readonly replicas: readonly Registry[];
  /** The load balancer. */
  public readonly loadBalancer: LoadBalancer;
  /** The Redis cache. */
  public readonly redis: RedisCache;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: RegistryCertificates;
  /** The UI (served at `/` of the load balancer), when deployed. */
  public readonly ui?: RegistryUi;
  /** The monitoring, when asked for. */
  public readonly monitoring?: RegistryMonitoring;
  /** The URL clients use. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`) and defines the platform. */
  public constructor(name: string, props: HaRegistryProps = {}, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:HaRegistry', name, {}, opts);
    const p = resolveHaRegistry(name, props, name);
    this.props = p;
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: `${p.prefix}-net` }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(
      `${name}-tls`,
      { hostnames: [p.hostname, ...p.extraHostnames], serviceNames: ['lb', `${p.prefix}-lb`] },
      child,
    );
    this.users = new HtpasswdUsers(`${name}-users`, { users: p.users }, child);
    const secret = pulumi.secret(
      new random.RandomPassword(
        `${name}-http-secret`,
        { length: 48, special: false },
        { parent: this, additionalSecretOutputs: ['result'] },
      ).result,
    );
    this.redis = new RedisCache(
      `${name}-redis`,
      { name: `${p.prefix}-redis`, network, maxMemoryMb: p.redisMaxMemoryMb },
      child,
    );
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    const replicas: Registry[] = [];
    for (let i = 1; i <= p.replicas; i++) {
      replicas.push(
        new Registry(
          `${name}-registry-${i}`,
          {
            name: `${p.prefix}-registry-${i}`,
            network,
            aliases: [`registry-${i}`],
            publish: false,
            version: p.dialect.version,
            ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
            http: { host: this.registryUrl },
            httpSecret: secret,
            dataVolumeName: `${p.prefix}-registry-data`,
            storage: { deleteEnabled: true, cache: 'redis' },
            redis: this.redis.registrySpec(),
            htpasswd: this.users,
            notifications: p.notifications,
            ...(monitoringNetwork ? { monitoringNetwork } : {}),
          },
          child,
        ),
      );
    }
    this.replicas = replicas;
    const first = replicas[0];
    if (first === undefined) throw new Error('internal: the HA pattern has no replica');
    const lbSpec: LoadBalancerSpec = { serverName: p.hostname, tlsMinimumVersion: p.tlsMinimumVersion };
    if (p.ui) {
      // The UI proxies `/v2` back through the load balancer, so it sees every replica.
      this.ui = new RegistryUi(
        `${name}-ui`,
        {
          name: `${p.prefix}-ui`,
          network,
          registry: first,
          proxyTo: loadBalancerEndpoint(resolveLoadBalancer(name, lbSpec), 'lb'),
          publish: false,
        },
        child,
      );
    }
    this.loadBalancer = new LoadBalancer(
      `${name}-lb`,
      {
        ...lbSpec,
        name: `${p.prefix}-lb`,
        network,
        replicas,
        tls: this.tls,
        aliases: ['lb'],
        publish: { port: p.port, bindAddress: p.bindAddress },
        redirectPublish: { port: p.httpPort, bindAddress: p.bindAddress },
        ...(this.ui ? { ui: this.ui } : {}),
      },
      child,
    );
    if (p.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(
        `${name}-monitoring`,
        {
          prefix: p.prefix,
          network: monitoringNetwork,
          platformNetwork: network,
          monitoring: p.monitoring,
          registries: replicas,
          redis: this.redis,
          notifications: p.notifications.length > 0,
          bindAddress: p.bindAddress,
        },
        child,
      );
    }
    this.outputs = {
      ...(this.monitoring?.outputs ?? {}),
      registry_url: { value: this.registryUrl, description: 'URL of the registry (load balancer)' },
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(first.dataVolumeName, 'the images, shared by the replicas'),
    };
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
