import { Construct } from 'constructs';
import { Notary } from '../constructs/notary';
import { RegistryCertificates, suppliedTls, TlsMaterial, withTlsReferences } from '../constructs/tls';
import { NotaryMigrations } from '../model/notary-migrations';
import { SuppliedTlsSpec } from '../model/tls';
import {
  ResolvedTrustedRegistry,
  resolveTrustedRegistry,
  TrustedRegistryProps,
} from '../model/patterns/trust';
import { trustLayout } from '../plans/patterns/trust';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';
import { SecureRegistry } from './secure-registry';

/** Props of {@link TrustedRegistry}: the pattern's props plus Notary's migrations. */
export interface TrustedRegistryConstructProps extends TrustedRegistryProps {
  /** Notary's MySQL migrations (`readNotaryMigrations('<notary v0.7.0>/migrations')`). */
  readonly notaryMigrations: NotaryMigrations;
}

/**
 * The secure registry ({@link SecureRegistry}) with Notary for Docker Content Trust: clients push
 * with `DOCKER_CONTENT_TRUST=1` and `DOCKER_CONTENT_TRUST_SERVER` set to the `content_trust_server`
 * output, and trust one CA (the `ca_certificate` output) for both the registry and Notary.
 * notary-server accepts trust data only for this registry's repositories (its GUN prefix).
 *
 * Notary v1 is deprecated upstream; for new work prefer cosign signatures, which live in the
 * registry itself (see the README). Child ids `Default` (the secure pattern, so its resources keep
 * the secure stack's addresses) and `notary` are public API.
 */
export class TrustedRegistry extends Construct implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedTrustedRegistry;
  /** The secure registry, UI and users. */
  public readonly secure: SecureRegistry;
  /** Notary. */
  public readonly notary: Notary;
  /** Outputs: the secure pattern's, plus `content_trust_server`, `notary_ca_trust_path` and `notary_data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the platform. */
  public constructor(scope: Construct, id: string, props: TrustedRegistryConstructProps) {
    super(scope, id);
    const path = patternPath(scope, id);
    const { notaryMigrations, notary, notaryTls, ...secureProps } = props;
    const p = resolveTrustedRegistry(
      path,
      {
        ...props,
        ...(props.tls !== undefined ? { tls: withTlsReferences(props.tls) } : {}),
        ...(notaryTls !== undefined ? { notaryTls: withTlsReferences(notaryTls) } : {}),
      },
      path,
    );
    this.props = p;
    const d = trustLayout(p, notary);
    this.secure = new SecureRegistry(this, 'Default', { ...secureProps, namePrefix: p.prefix });
    const generated = this.secure.tls instanceof RegistryCertificates ? this.secure.tls : undefined;
    const tls: TlsMaterial =
      p.notaryTls !== undefined || generated === undefined
        ? suppliedTls(p.notaryTls ?? ({} as SuppliedTlsSpec), `${path}.notaryTls`)
        : generated.issueServerCertificate('notary-server', d.notaryCertificateNames);
    this.notary = new Notary(this, 'notary', { ...d.notary, tls, migrations: notaryMigrations });
    this.outputs = d.outputs({
      secure: this.secure.outputs,
      notaryUrl: this.notary.url,
      notaryPort: this.notary.publish.port,
      databaseVolumeName: this.notary.databaseVolumeName,
    });
  }
}
