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
import { dataVolumeOutput, PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';
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
    this.secure = new SecureRegistry(this, 'Default', { ...secureProps, namePrefix: p.prefix });
    const generated = this.secure.tls instanceof RegistryCertificates ? this.secure.tls : undefined;
    const tls: TlsMaterial =
      p.notaryTls !== undefined || generated === undefined
        ? suppliedTls(p.notaryTls ?? ({} as SuppliedTlsSpec), `${path}.notaryTls`)
        : generated.issueServerCertificate('notary-server', {
            hostnames: [p.hostname, ...p.extraHostnames],
            serviceNames: ['notary-server'],
          });
    this.notary = new Notary(this, 'notary', {
      ...(notary ?? {}),
      prefix: p.prefix,
      registry: `${p.hostname}:${p.port}`,
      tls,
      migrations: notaryMigrations,
      bindAddress: p.bindAddress,
    });
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
  }
}
