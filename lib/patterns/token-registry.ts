import { Construct } from 'constructs';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates } from '../constructs/tls';
import { TokenServer } from '../constructs/token-server';
import { ResolvedTokenRegistry, resolveTokenRegistry, TokenRegistryProps } from '../model/patterns/token';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';
import { tokenLayout } from '../plans/patterns/token';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

/**
 * A registry whose roles are enforced: token authentication against docker_auth, both over TLS
 * from one generated CA. Users log in to the registry as usual; the docker CLI fetches a token
 * from the token server, which grants exactly what the user's roles allow (the default roles are
 * the lab's: admin everything, developer push/pull `app/*` and `library/*`, readonly pull, ci
 * push/pull `app/production/*` and `app/staging/*`). Deletes are enabled: only roles with
 * `delete` can use them. Child ids `network`, `tls`, `token-server`, `registry` and `ui` are
 * public API.
 */
export class TokenRegistry extends Construct implements RegistryPattern {
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
  /** The URL clients use, for example `https://localhost:5446`. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ui_url`, `token_realm`, `ca_certificate`, `ca_trust_path`, `credentials`, `roles`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the platform. */
  public constructor(scope: Construct, id: string, props: TokenRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveTokenRegistry(path, props, path);
    this.props = p;
    const d = tokenLayout(p);
    const network = new PlatformNetwork(this, 'network', { name: d.networkName });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(this, 'tls', d.certificateNames);
    this.tokenServer = new TokenServer(this, 'token-server', {
      ...d.tokenServer,
      network,
      tls: this.tls.issueServerCertificate('token-server', d.tokenServerCertificateNames),
    });
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(this, 'registry', {
      ...d.registry,
      network,
      tls: this.tls,
      auth: this.tokenServer.registryAuth(d.hostname),
      tokenRootCertBundle: this.tokenServer.rootCertBundlePem,
      ...(monitoringNetwork ? { monitoringNetwork } : {}),
    });
    if (d.ui) {
      this.ui = new RegistryUi(this, 'ui', {
        ...d.ui,
        network,
        registry: this.registry,
        tokenServer: this.tokenServer,
      });
    }
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
      passwords: this.tokenServer.passwords,
      realm: this.tokenServer.realm(d.hostname),
      dataVolumeName: this.registry.dataVolumeName,
      ...(this.monitoring ? { monitoring: this.monitoring.outputs } : {}),
    });
  }
}
