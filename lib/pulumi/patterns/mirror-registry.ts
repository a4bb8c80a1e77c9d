import {
  MirrorRegistryProps,
  ResolvedMirrorRegistry,
  resolveMirrorRegistry,
} from '../../model/patterns/mirror';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { mirrorLayout } from '../../plans/patterns/mirror';
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
    const d = mirrorLayout(p);
    const child = { parent: this };
    const network = new PlatformNetwork(`${name}-network`, { name: d.networkName }, child);
    this.tls = new RegistryCertificates(`${name}-tls`, d.certificateNames, child);
    this.users = new HtpasswdUsers(`${name}-users`, { users: d.users }, child);
    this.registryUrl = d.registryUrl;
    this.registry = new Registry(
      `${name}-mirror`,
      { ...d.registry, network, tls: this.tls, htpasswd: this.users },
      child,
    );
    this.outputs = d.outputs({
      caCertificatePem: this.tls.caCertificatePem,
      passwords: this.users.passwords,
      dataVolumeName: this.registry.dataVolumeName,
    });
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
