import { ResolvedTokenRegistry, resolveTokenRegistry, TokenRegistryProps } from '../../model/patterns/token';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { tokenLayout } from '../../plans/patterns/token';
import { pulumi } from '../engine';
import { PlatformNetwork } from '../network';
import { Registry } from '../registry';
import { RegistryUi } from '../registry-ui';
import { RegistryCertificates } from '../tls';
import { TokenServer } from '../token-server';
import { pulumiOutputs } from './outputs';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';

/**
 * A registry whose roles are enforced by docker_auth token authentication, both over TLS from
 * one generated CA, as the cdktf `TokenRegistry`. Children `<name>-network`, `<name>-tls`,
 * `<name>-token-server`, `<name>-registry`, `<name>-ui` and `<name>-monitoring`.
 */
export class TokenRegistry extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedTokenRegistry;
  /** The registry. */
  public readonly registry: Registry;
  /** The token server. */
  public readonly tokenServer: TokenServer;
  /** The certificates (CA, registry and token server). */
  public readonly tls: RegistryCertificates;
  /** The UI, when deployed. */
  public readonly ui?: RegistryUi;
  /** The monitoring, when asked for. */
  public readonly monitoring?: RegistryMonitoring;
  /** The URL clients use. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ui_url`, `token_realm`, `ca_certificate`, `ca_trust_path`, `credentials`, `roles`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`) and defines the platform. */
  public constructor(name: string, props: TokenRegistryProps = {}, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:TokenRegistry', name, {}, opts);
    const p = resolveTokenRegistry(name, props, name);
    this.props = p;
    const d = tokenLayout(p);
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: d.networkName }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, d.monitoringNetworkName);
    this.tls = new RegistryCertificates(`${name}-tls`, d.certificateNames, child);
    this.tokenServer = new TokenServer(
      `${name}-token-server`,
      { ...d.tokenServer, network, tls: this.tls.issue('token-server', d.tokenServerCertificateNames) },
      child,
    );
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(
      `${name}-registry`,
      {
        ...d.registry,
        network,
        tls: this.tls,
        auth: this.tokenServer.registryAuth(d.hostname),
        tokenRootCertBundle: this.tokenServer.rootCertBundlePem,
        ...(monitoringNetwork ? { monitoringNetwork } : {}),
      },
      child,
    );
    if (d.ui) {
      this.ui = new RegistryUi(
        `${name}-ui`,
        { ...d.ui, network, registry: this.registry, tokenServer: this.tokenServer },
        child,
      );
    }
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
      passwords: this.tokenServer.passwords,
      realm: this.tokenServer.realm(d.hostname),
      dataVolumeName: this.registry.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
