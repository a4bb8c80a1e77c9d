import {
  MirrorRegistryProps,
  ResolvedMirrorRegistry,
  resolveMirrorRegistry,
} from '../../model/patterns/mirror';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  RegistryPattern,
} from '../../plans/pattern-outputs';
import { pulumi } from '../engine';
import { PlatformNetwork } from '../network';
import { Registry } from '../registry';
import { RegistryCertificates } from '../tls';
import { HtpasswdUsers } from '../users';
import { pulumiOutputs } from './outputs';

/**
 * A pull-through cache of an upstream registry over TLS with htpasswd users, as the cdktf
 * `MirrorRegistry` (the upstream password as `pulumiSecret(config.requireSecret(...))`).
 * Children `<name>-network`, `<name>-tls`, `<name>-users` and `<name>-mirror`.
 */
export class MirrorRegistry extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedMirrorRegistry;
  /** The mirror registry. */
  public readonly registry: Registry;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: RegistryCertificates;
  /** The URL clients use. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`) and defines the mirror. */
  public constructor(name: string, props: MirrorRegistryProps = {}, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:MirrorRegistry', name, {}, opts);
    const p = resolveMirrorRegistry(name, props, name);
    this.props = p;
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: `${p.prefix}-net` }, child);
    this.tls = new RegistryCertificates(
      `${name}-tls`,
      { hostnames: [p.hostname], serviceNames: ['mirror', `${p.prefix}-mirror`] },
      child,
    );
    this.users = new HtpasswdUsers(`${name}-users`, { users: p.users }, child);
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(
      `${name}-mirror`,
      {
        name: `${p.prefix}-mirror`,
        network,
        aliases: ['mirror'],
        ...(p.remoteNetwork !== undefined ? { extraNetworks: [p.remoteNetwork] } : {}),
        publish: { port: p.port, bindAddress: p.bindAddress },
        version: p.dialect.version,
        ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
        http: { host: this.registryUrl },
        tls: this.tls,
        htpasswd: this.users,
        proxy: {
          remoteUrl: p.remoteUrl,
          ...(p.remoteUsername !== undefined ? { username: p.remoteUsername } : {}),
          ...(p.remotePassword !== undefined ? { password: p.remotePassword } : {}),
          ...(p.ttl !== undefined ? { ttl: p.ttl } : {}),
        },
      },
      child,
    );
    this.outputs = {
      registry_url: { value: this.registryUrl, description: 'URL of the mirror' },
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port, 'the mirror'),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(this.registry.dataVolumeName, 'the cached images'),
    };
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
