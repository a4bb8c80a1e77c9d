import { ResolvedTokenRegistry, resolveTokenRegistry, TokenRegistryProps } from '../../model/patterns/token';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  RegistryPattern,
  uiUrlOutput,
} from '../../plans/pattern-outputs';
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
    const t = p.tokenServer;
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: `${p.prefix}-net` }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, p.prefix, p.monitoring);
    this.tls = new RegistryCertificates(
      `${name}-tls`,
      { hostnames: [p.hostname], serviceNames: ['registry', `${p.prefix}-registry`] },
      child,
    );
    this.tokenServer = new TokenServer(
      `${name}-token-server`,
      {
        name: `${p.prefix}-token-server`,
        network,
        tls: this.tls.issue('token-server', {
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
      },
      child,
    );
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(
      `${name}-registry`,
      {
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
      },
      child,
    );
    const outputs: Record<string, PatternOutput> = {};
    if (p.ui) {
      this.ui = new RegistryUi(
        `${name}-ui`,
        {
          name: `${p.prefix}-ui`,
          network,
          registry: this.registry,
          publish: { port: p.uiPort, bindAddress: p.bindAddress },
          tokenServer: this.tokenServer,
          image: p.uiImage,
        },
        child,
      );
      outputs.ui_url = uiUrlOutput(p.bindAddress, p.hostname, p.uiPort);
    }
    if (p.monitoring && monitoringNetwork) {
      this.monitoring = new RegistryMonitoring(
        `${name}-monitoring`,
        {
          prefix: p.prefix,
          network: monitoringNetwork,
          platformNetwork: network,
          monitoring: p.monitoring,
          registries: [this.registry],
          notifications: false,
          bindAddress: p.bindAddress,
        },
        child,
      );
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
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
