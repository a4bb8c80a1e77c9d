import { NotaryMigrations } from '../../model/notary-migrations';
import {
  ResolvedTrustedRegistry,
  resolveTrustedRegistry,
  TrustedRegistryProps,
} from '../../model/patterns/trust';
import { SuppliedTlsSpec } from '../../model/tls';
import { dataVolumeOutput, PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { pulumi } from '../engine';
import { Notary } from '../notary';
import { RegistryCertificates, suppliedTls, TlsMaterial } from '../tls';
import { pulumiOutputs } from './outputs';
import { SecureRegistry } from './secure-registry';

/** Args of {@link TrustedRegistry}: the pattern's props plus Notary's migrations. */
export interface TrustedRegistryArgs extends TrustedRegistryProps {
  /** Notary's MySQL migrations (`readNotaryMigrations('<notary v0.7.0>/migrations')`). */
  readonly notaryMigrations: NotaryMigrations;
}

/**
 * The secure registry with Notary for Docker Content Trust, as the cdktf `TrustedRegistry`.
 * Children `<name>-secure` (the {@link SecureRegistry}) and `<name>-notary`.
 */
export class TrustedRegistry extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedTrustedRegistry;
  /** The secure registry, UI and users. */
  public readonly secure: SecureRegistry;
  /** Notary. */
  public readonly notary: Notary;
  /** Outputs: the secure pattern's, plus `content_trust_server`, `notary_ca_trust_path` and `notary_data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`) and defines the platform. */
  public constructor(name: string, args: TrustedRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:TrustedRegistry', name, {}, opts);
    const { notaryMigrations, notary, ...rest } = args;
    const { notaryTls, ...secureProps } = rest;
    const p = resolveTrustedRegistry(name, args, name);
    this.props = p;
    this.secure = new SecureRegistry(
      `${name}-secure`,
      { ...secureProps, namePrefix: p.prefix },
      { parent: this },
    );
    const generated = this.secure.tls instanceof RegistryCertificates ? this.secure.tls : undefined;
    const tls: TlsMaterial =
      notaryTls !== undefined || generated === undefined
        ? suppliedTls(p.notaryTls ?? ({} as SuppliedTlsSpec), `${name}.notaryTls`)
        : generated.issue('notary-server', {
            hostnames: [p.hostname, ...p.extraHostnames],
            serviceNames: ['notary-server'],
          });
    this.notary = new Notary(
      `${name}-notary`,
      {
        ...(notary ?? {}),
        prefix: p.prefix,
        registry: `${p.hostname}:${p.port}`,
        tls,
        migrations: notaryMigrations,
        bindAddress: p.bindAddress,
      },
      { parent: this },
    );
    const notaryHost = `${p.hostname}:${this.notary.publish.port}`;
    this.outputs = {
      ...this.secure.outputs,
      content_trust_server: {
        value: this.notary.url,
        description: 'DOCKER_CONTENT_TRUST_SERVER for this registry (with DOCKER_CONTENT_TRUST=1)',
      },
      notary_ca_trust_path: {
        value: `~/.docker/tls/${notaryHost}/ca.crt`,
        description: "Where the docker CLI looks for Notary's CA: save ca_certificate there",
      },
      notary_data_volume: dataVolumeOutput(
        this.notary.databaseVolumeName,
        'the trust data (Notary database)',
      ),
    };
    this.registerOutputs({ ...pulumiOutputs(this.outputs), migrated: this.notary.migrated });
  }
}
