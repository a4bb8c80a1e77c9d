import {
  ResolvedSecureRegistry,
  resolveSecureRegistry,
  SecureRegistryProps,
} from '../../model/patterns/secure';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { secureLayout } from '../../plans/patterns/secure';
import { pulumi } from '../engine';
import { PlatformNetwork } from '../network';
import { Registry } from '../registry';
import { RegistryUi } from '../registry-ui';
import { RegistryCertificates, suppliedTls, TlsMaterial } from '../tls';
import { HtpasswdUsers } from '../users';
import { pulumiOutputs } from './outputs';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';

/**
 * A registry over TLS with htpasswd users and the Joxit UI, as the cdktf `SecureRegistry`: a
 * generated CA and server certificate (or supplied PEMs), generated passwords given back as
 * secret outputs. Children `<name>-network`, `<name>-monitoring-network`, `<name>-tls`,
 * `<name>-users`, `<name>-registry`, `<name>-ui` and `<name>-monitoring`.
 */
export class SecureRegistry extends pulumi.ComponentResource implements RegistryPattern {
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

  /** Validates the props (errors name `<name>.<prop>`) and defines the platform. */
  public constructor(name: string, props: SecureRegistryProps = {}, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:SecureRegistry', name, {}, opts);
    const p = resolveSecureRegistry(name, props, name);
    this.props = p;
    const d = secureLayout(p);
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: d.networkName }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, d.monitoringNetworkName);
    this.tls =
      p.tls !== undefined
        ? suppliedTls(p.tls, `${name}.tls`)
        : new RegistryCertificates(`${name}-tls`, d.certificateNames, child);
    this.users = new HtpasswdUsers(`${name}-users`, { users: d.users }, child);
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(
      `${name}-registry`,
      {
        ...d.registry,
        network,
        tls: this.tls,
        htpasswd: this.users,
        ...(monitoringNetwork ? { monitoringNetwork } : {}),
      },
      child,
    );
    if (d.ui) this.ui = new RegistryUi(`${name}-ui`, { ...d.ui, network, registry: this.registry }, child);
    if (d.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(
        `${name}-monitoring`,
        {
          ...d.monitoring,
          network: monitoringNetwork,
          platformNetwork: network,
          registries: [this.registry],
        },
        child,
      );
    }
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: this.registry.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
