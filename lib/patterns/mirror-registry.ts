import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryCertificates } from '../constructs/tls';
import { MirrorRegistryProps, ResolvedMirrorRegistry, resolveMirrorRegistry } from '../model/patterns/mirror';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  patternPath,
  RegistryPattern,
} from './pattern-outputs';

/**
 * A pull-through cache of an upstream registry over TLS with htpasswd users. The registry refuses
 * pushes in proxy mode, so it is read-only for clients; cached content lives on its own volume.
 * Child ids `network`, `tls`, `users` and `mirror` are public API.
 */
export class MirrorRegistry extends Construct implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedMirrorRegistry;
  /** The mirror registry. */
  public readonly registry: Registry;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: RegistryCertificates;
  /** The URL clients use, for example `https://localhost:5444`. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `ca_certificate`, `ca_trust_path`, `credentials`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the mirror. */
  public constructor(scope: Construct, id: string, props: MirrorRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveMirrorRegistry(path, props, path);
    this.props = p;
    const network = new PlatformNetwork(this, 'network', { name: `${p.prefix}-net` });
    this.tls = new RegistryCertificates(this, 'tls', {
      hostnames: [p.hostname],
      serviceNames: ['mirror', `${p.prefix}-mirror`],
    });
    this.users = new HtpasswdUsers(this, 'users', { users: p.users });
    this.registryUrl = `https://${p.hostname}:${p.port}`;
    this.registry = new Registry(this, 'mirror', {
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
    });
    this.outputs = {
      registry_url: { value: this.registryUrl, description: 'URL of the mirror' },
      ...caOutputs(this.tls.caCertificatePem, p.hostname, p.port, 'the mirror'),
      credentials: credentialsOutput(this.users.passwords),
      data_volume: dataVolumeOutput(this.registry.dataVolumeName, 'the cached images'),
    };
  }
}
