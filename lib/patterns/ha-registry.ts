import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { LoadBalancer } from '../constructs/load-balancer';
import { PlatformNetwork } from '../constructs/platform-network';
import { Password } from '../constructs/providers';
import { RedisCache } from '../constructs/redis-cache';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates } from '../constructs/tls';
import { HaRegistryProps, ResolvedHaRegistry, resolveHaRegistry } from '../model/patterns/ha';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';
import { haLayout } from '../plans/patterns/ha';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

/**
 * The production pattern: nginx terminating TLS in front of N registry replicas that share one
 * storage volume, one generated `http.secret` and a Redis blob-descriptor cache. Replicas speak
 * plain HTTP on the private network (they are never published): TLS to each replica would need a
 * certificate per replica and a second handshake per request for no gain on a host-local bridge.
 * Child ids `network`, `tls`, `users`, `http-secret`, `redis`, `registry-<n>`, `ui` and `lb` are
 * public API.
 */
export class HaRegistry extends Construct implements RegistryPattern {
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
  /** The URL clients use, for example `https://localhost:5443`. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the platform. */
  public constructor(scope: Construct, id: string, props: HaRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveHaRegistry(path, props, path);
    this.props = p;
    const d = haLayout(path, p);
    const network = new PlatformNetwork(this, 'network', { name: d.networkName });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(this, 'tls', d.certificateNames);
    this.users = new HtpasswdUsers(this, 'users', { users: d.users });
    const secret = new Password(this, 'http-secret', { length: 48, special: false }).result;
    this.redis = new RedisCache(this, 'redis', { ...d.redis, network });
    this.registryUrl = d.registryUrl;
    this.replicas = d.replicas.map(
      (replica, i) =>
        new Registry(this, `registry-${i + 1}`, {
          ...replica,
          network,
          httpSecret: secret,
          redis: this.redis.registrySpec(),
          htpasswd: this.users,
          ...(monitoringNetwork ? { monitoringNetwork } : {}),
        }),
    );
    const first = this.replicas[0];
    if (first === undefined) throw new Error('internal: the HA pattern has no replica');
    // The UI proxies `/v2` back through the load balancer, so it sees every replica.
    if (d.ui) this.ui = new RegistryUi(this, 'ui', { ...d.ui, network, registry: first });
    this.loadBalancer = new LoadBalancer(this, 'lb', {
      ...d.loadBalancer,
      network,
      replicas: this.replicas,
      tls: this.tls,
      ...(this.ui ? { ui: this.ui } : {}),
    });
    if (d.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(this, 'monitoring', {
        ...d.monitoring,
        network: monitoringNetwork,
        platformNetwork: network,
        registries: this.replicas,
        redis: this.redis,
      });
    }
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: first.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
  }
}
