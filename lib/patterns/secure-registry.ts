import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates, suppliedTls, TlsMaterial, withTlsReferences } from '../constructs/tls';
import { ResolvedSecureRegistry, resolveSecureRegistry, SecureRegistryProps } from '../model/patterns/secure';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';
import { secureLayout } from '../plans/patterns/secure';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

/**
 * A registry over TLS (TLS 1.2+, HSTS) with htpasswd users and the Joxit UI, what the seed labs set
 * up by hand: a generated CA and server certificate (or supplied PEMs), generated passwords
 * kept in state and given back as sensitive outputs, ports bound to 127.0.0.1 by default.
 * Child ids `network`, `tls`, `users`, `registry` and `ui` are public API.
 */
export class SecureRegistry extends Construct implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedSecureRegistry;
  /** The registry. */
  public readonly registry: Registry;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: TlsMaterial;
  /** The UI, when deployed. */
  public readonly ui?: RegistryUi;
  /** The monitoring, when asked for. */
  public readonly monitoring?: RegistryMonitoring;
  /** The URL clients use, for example `https://localhost:5443`. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ui_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the platform. */
  public constructor(scope: Construct, id: string, props: SecureRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveSecureRegistry(
      path,
      { ...props, ...(props.tls !== undefined ? { tls: withTlsReferences(props.tls) } : {}) },
      path,
    );
    this.props = p;
    const d = secureLayout(p);
    const network = new PlatformNetwork(this, 'network', { name: d.networkName });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls =
      p.tls !== undefined
        ? suppliedTls(p.tls, `${path}.tls`)
        : new RegistryCertificates(this, 'tls', d.certificateNames);
    this.users = new HtpasswdUsers(this, 'users', { users: d.users });
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(this, 'registry', {
      ...d.registry,
      network,
      tls: this.tls,
      htpasswd: this.users,
      ...(monitoringNetwork ? { monitoringNetwork } : {}),
    });
    if (d.ui) this.ui = new RegistryUi(this, 'ui', { ...d.ui, network, registry: this.registry });
    if (d.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(this, 'monitoring', {
        ...d.monitoring,
        network: monitoringNetwork,
        platformNetwork: network,
        registries: [this.registry],
      });
    }
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: this.registry.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
  }
}
