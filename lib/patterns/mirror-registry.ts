import { Construct } from 'constructs';
import { HtpasswdUsers } from '../constructs/htpasswd-users';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { RegistryCertificates } from '../constructs/tls';
import { MirrorRegistryProps, ResolvedMirrorRegistry, resolveMirrorRegistry } from '../model/patterns/mirror';
import { mirrorLayout } from '../plans/patterns/mirror';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

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
    const d = mirrorLayout(p);
    const network = new PlatformNetwork(this, 'network', { name: d.networkName });
    this.tls = new RegistryCertificates(this, 'tls', d.certificateNames);
    this.users = new HtpasswdUsers(this, 'users', { users: d.users });
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(this, 'mirror', {
      ...d.registry,
      network,
      tls: this.tls,
      htpasswd: this.users,
    });
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: this.registry.dataVolumeName,
    });
  }
}
