import { HaRegistryProps, ResolvedHaRegistry, resolveHaRegistry } from '../../model/patterns/ha';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { haLayout } from '../../plans/patterns/ha';
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
    const d = haLayout(name, p);
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: d.networkName }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, d.monitoringNetworkName);
    this.tls = new RegistryCertificates(`${name}-tls`, d.certificateNames, child);
    this.users = new HtpasswdUsers(`${name}-users`, { users: d.users }, child);
    const secret = pulumi.secret(
      new random.RandomPassword(
        `${name}-http-secret`,
        { length: 48, special: false },
        { parent: this, additionalSecretOutputs: ['result'] },
      ).result,
    );
    this.redis = new RedisCache(`${name}-redis`, { ...d.redis, network }, child);
    this.registryUrl = d.registryUrl;
    this.replicas = d.replicas.map(
      (replica, i) =>
        new Registry(
          `${name}-registry-${i + 1}`,
          {
            ...replica,
            network,
            httpSecret: secret,
            redis: this.redis.registrySpec(),
            htpasswd: this.users,
            ...(monitoringNetwork ? { monitoringNetwork } : {}),
          },
          child,
        ),
    );
    const first = this.replicas[0];
    if (first === undefined) throw new Error('internal: the HA pattern has no replica');
    // The UI proxies `/v2` back through the load balancer, so it sees every replica.
    if (d.ui) this.ui = new RegistryUi(`${name}-ui`, { ...d.ui, network, registry: first }, child);
    this.loadBalancer = new LoadBalancer(
      `${name}-lb`,
      {
        ...d.loadBalancer,
        network,
        replicas: this.replicas,
        tls: this.tls,
        ...(this.ui ? { ui: this.ui } : {}),
      },
      child,
    );
    if (d.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(
        `${name}-monitoring`,
        {
          ...d.monitoring,
          network: monitoringNetwork,
          platformNetwork: network,
          registries: this.replicas,
          redis: this.redis,
        },
        child,
      );
    }
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: first.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
