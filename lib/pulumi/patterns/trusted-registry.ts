import { NotaryMigrations } from '../../model/notary-migrations';
import {
  ResolvedTrustedRegistry,
  resolveTrustedRegistry,
  TrustedRegistryProps,
} from '../../model/patterns/trust';
import { SuppliedTlsSpec } from '../../model/tls';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { trustLayout } from '../../plans/patterns/trust';
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
    const d = trustLayout(p, notary);
    this.secure = new SecureRegistry(
      `${name}-secure`,
      { ...secureProps, namePrefix: p.prefix },
      { parent: this },
    );
    const generated = this.secure.tls instanceof RegistryCertificates ? this.secure.tls : undefined;
    const tls: TlsMaterial =
      notaryTls !== undefined || generated === undefined
        ? suppliedTls(p.notaryTls ?? ({} as SuppliedTlsSpec), `${name}.notaryTls`)
        : generated.issue('notary-server', d.notaryCertificateNames);
    this.notary = new Notary(
      `${name}-notary`,
      { ...d.notary, tls, migrations: notaryMigrations },
      { parent: this },
    );
    this.outputs = d.outputs({
      secure: this.secure.outputs,
      notaryUrl: this.notary.url,
      notaryPort: this.notary.publish.port,
      databaseVolumeName: this.notary.databaseVolumeName,
    });
    this.registerOutputs({ ...pulumiOutputs(this.outputs), migrated: this.notary.migrated });
  }
}
