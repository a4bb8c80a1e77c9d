import {
  ResolvedSecureRegistry,
  resolveSecureRegistry,
  SecureRegistryProps,
} from '../../model/patterns/secure';
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
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: `${p.prefix}-net` }, child);
    const monitoringNetwork = monitoringNetworkOf(this, name, p.prefix, p.monitoring);
    this.tls =
      p.tls !== undefined
        ? suppliedTls(p.tls, `${name}.tls`)
        : new RegistryCertificates(
            `${name}-tls`,
            {
              hostnames: [p.hostname, ...p.extraHostnames],
              serviceNames: ['registry', `${p.prefix}-registry`],
            },
            child,
          );
    this.users = new HtpasswdUsers(`${name}-users`, { users: p.users }, child);
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(
      `${name}-registry`,
      {
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
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(this.registry.dataVolumeName),
    };
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
