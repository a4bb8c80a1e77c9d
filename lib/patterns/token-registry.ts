import { Construct } from 'constructs';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates } from '../constructs/tls';
import { TokenServer } from '../constructs/token-server';
import { ResolvedTokenRegistry, resolveTokenRegistry, TokenRegistryProps } from '../model/patterns/token';
import { monitoringNetworkOf, RegistryMonitoring } from './registry-monitoring';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  patternPath,
  RegistryPattern,
  uiUrlOutput,
} from './pattern-outputs';

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
    const t = p.tokenServer;
    const network = new PlatformNetwork(this, 'network', { name: `${p.prefix}-net` });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(this, 'tls', {
      hostnames: [p.hostname],
      serviceNames: ['registry', `${p.prefix}-registry`],
    });
    this.tokenServer = new TokenServer(this, 'token-server', {
      name: `${p.prefix}-token-server`,
      network,
      tls: this.tls.issueServerCertificate('token-server', {
        hostnames: [p.hostname],
        serviceNames: ['token-server', `${p.prefix}-token-server`],
      }),
      publish: { port: p.tokenPort, bindAddress: p.bindAddress },
      registryVersion: t.registryVersion,
      roles: t.roles,
      users: t.users,
      image: p.tokenServerImage,
      tlsMinimumVersion: t.tlsMinimumVersion,
      tokenLifetimeSeconds: t.tokenLifetimeSeconds,
    });
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(this, 'registry', {
      name: `${p.prefix}-registry`,
      network,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: this.registryUrl, tls: { minimumVersion: t.tlsMinimumVersion } },
      storage: { deleteEnabled: true },
      tls: this.tls,
      auth: this.tokenServer.registryAuth(p.hostname),
      tokenRootCertBundle: this.tokenServer.rootCertBundlePem,
      ...(monitoringNetwork ? { monitoringNetwork } : {}),
    });
    const outputs: Record<string, PatternOutput> = {};
    if (p.ui) {
      this.ui = new RegistryUi(this, 'ui', {
        name: `${p.prefix}-ui`,
        network,
        registry: this.registry,
        publish: { port: p.uiPort, bindAddress: p.bindAddress },
        tokenServer: this.tokenServer,
        image: p.uiImage,
      });
      outputs.ui_url = uiUrlOutput(p.bindAddress, p.hostname, p.uiPort);
    }
    if (p.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(this, 'monitoring', {
        prefix: p.prefix,
        network: monitoringNetwork,
        platformNetwork: network,
        monitoring: p.monitoring,
        registries: [this.registry],
        notifications: false,
        bindAddress: p.bindAddress,
      });
    }
    this.outputs = {
      ...outputs,
      ...(this.monitoring?.outputs ?? {}),
      registry_url: { value: this.registryUrl, description: 'URL of the registry' },
      token_realm: {
        value: this.tokenServer.realm(p.hostname),
        description: 'The token endpoint clients are sent to',
      },
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port, 'both endpoints'),
      credentials: credentialsOutput(this.tokenServer.passwords),
      roles: {
        value: Object.fromEntries(t.users.map((u) => [u.name, u.roles.join(',')])),
        description: 'Each user and its roles',
      },
      data_volume: dataVolumeOutput(this.registry.dataVolumeName),
    };
  }
}
