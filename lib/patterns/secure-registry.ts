import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryUi } from '../constructs/registry-ui';
import { RegistryCertificates, suppliedTls, TlsMaterial, withTlsReferences } from '../constructs/tls';
import { ResolvedSecureRegistry, resolveSecureRegistry, SecureRegistryProps } from '../model/patterns/secure';
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
    const network = new PlatformNetwork(this, 'network', { name: `${p.prefix}-net` });
    const monitoringNetwork = monitoringNetworkOf(this, p.prefix, p.monitoring);
    this.tls =
      p.tls !== undefined
        ? suppliedTls(p.tls, `${path}.tls`)
        : new RegistryCertificates(this, 'tls', {
            hostnames: [p.hostname, ...p.extraHostnames],
            serviceNames: ['registry', `${p.prefix}-registry`],
          });
    this.users = new HtpasswdUsers(this, 'users', { users: p.users });
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(this, 'registry', {
      name: `${p.prefix}-registry`,
      network,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: this.registryUrl, tls: { minimumVersion: p.tlsMinimumVersion } },
      storage: { deleteEnabled: p.deleteEnabled },
      tls: this.tls,
      htpasswd: this.users,
      ...(monitoringNetwork ? { monitoringNetwork } : {}),
    });
    const outputs: Record<string, PatternOutput> = {};
    if (p.ui) {
      this.ui = new RegistryUi(this, 'ui', {
        name: `${p.prefix}-ui`,
        network,
        registry: this.registry,
        publish: { port: p.uiPort, bindAddress: p.bindAddress },
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
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(this.registry.dataVolumeName),
    };
  }
}
