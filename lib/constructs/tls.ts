import { Construct } from 'constructs';
import {
  GeneratedTlsSpec,
  ResolvedGeneratedTls,
  resolveGeneratedTls,
  resolveSuppliedTls,
  SuppliedTlsSpec,
} from '../model/tls';
import { engineText, terraformString } from './private/secret-values';
import { CertRequest, LocallySignedCert, PrivateKey, SelfSignedCert } from './providers';

/** A server certificate, its key and (optionally) the CA clients must trust. */
export interface TlsMaterial {
  /** The server certificate (PEM). */
  readonly certificatePem: string;
  /** The server private key (PEM), always a Terraform reference. */
  readonly privateKeyPem: string;
  /** The CA certificate (PEM) to put in `/etc/docker/certs.d/<host:port>/ca.crt`. */
  readonly caCertificatePem?: string;
}

/**
 * Certificates the user supplies. The private key must be a secret reference such as
 * `terraformSecret(Fn.file('certs/server.key'))` so it never lands in the synthesized JSON.
 * @throws SpecError when the key is a literal or the certificate does not look like one
 */
export function suppliedTls(spec: SuppliedTlsSpec, path = 'tls'): TlsMaterial {
  const s = resolveSuppliedTls(path, withTlsReferences(spec));
  return {
    certificatePem: terraformString(s.certificatePem),
    privateKeyPem: terraformString(s.privateKeyPem),
    ...(s.caCertificatePem !== undefined ? { caCertificatePem: terraformString(s.caCertificatePem) } : {}),
  };
}

/**
 * The spec with each certificate given as a Terraform reference (`Fn.file(...)`, a variable)
 * marked as a reference, so the model takes it without looking inside; literal PEMs stay text.
 */
export function withTlsReferences(spec: SuppliedTlsSpec): SuppliedTlsSpec {
  const mark = (v: SuppliedTlsSpec['certificatePem']): SuppliedTlsSpec['certificatePem'] =>
    typeof v === 'string' ? engineText(v) : v;
  return {
    ...spec,
    certificatePem: mark(spec.certificatePem),
    ...(spec.caCertificatePem !== undefined ? { caCertificatePem: mark(spec.caCertificatePem) } : {}),
  };
}

/** What a leaf certificate is for: a TLS server, or a client that shows it (mutual TLS). */
export type CertificateUsage = 'server' | 'client';

/** Props of {@link CertificateAuthority}: how its certificates are made. */
export type CertificateAuthorityProps = Omit<GeneratedTlsSpec, 'hostnames' | 'serviceNames'>;

/**
 * A private CA, generated once by the tls provider and kept in Terraform state (stable across
 * synths and deploys, never in the synthesized JSON), that issues leaf certificates: one CA for
 * several services, so clients trust one certificate. Notary's server and signer get one of their
 * own for their mutual TLS, apart from the CA Docker clients trust.
 *
 * Construct ids `ca-key` and `ca`, and `<id>-key`, `<id>-csr` and `<id>` of each issued
 * certificate, are public API.
 */
export class CertificateAuthority extends Construct {
  /** The CA certificate (PEM). */
  public readonly caCertificatePem: string;

  /** The validated settings (key algorithm, lifetimes, organization). */
  protected readonly settings: ResolvedGeneratedTls;
  private readonly caKey: PrivateKey;
  private readonly ca: SelfSignedCert;

  /** Generates the CA key and certificate. */
  public constructor(scope: Construct, id: string, props: CertificateAuthorityProps = {}) {
    super(scope, id);
    this.settings = resolveGeneratedTls(id, { ...props, hostnames: ['localhost'] });
    this.caKey = this.key('ca-key');
    this.ca = new SelfSignedCert(this, 'ca', {
      privateKeyPem: this.caKey.privateKeyPem,
      isCaCertificate: true,
      setSubjectKeyId: true,
      validityPeriodHours: this.settings.caValidityDays * 24,
      allowedUses: ['cert_signing', 'crl_signing', 'digital_signature'],
      subject: [{ commonName: `${this.settings.organization} CA`, organization: this.settings.organization }],
    });
    this.caCertificatePem = this.ca.certPem;
  }

  /**
   * Issues a leaf certificate for `names` (SANs: every hostname and service name, `localhost`
   * and `127.0.0.1`), usable for `usage` only: a server certificate cannot authenticate a
   * client, and the other way round.
   */
  public issue(
    id: string,
    names: { readonly hostnames: readonly string[]; readonly serviceNames?: readonly string[] },
    usage: CertificateUsage = 'server',
  ): TlsMaterial {
    const spec = resolveGeneratedTls(`${this.node.id}.${id}`, {
      ...names,
      keyAlgorithm: this.settings.keyAlgorithm,
      caValidityDays: this.settings.caValidityDays,
      serverValidityDays: this.settings.serverValidityDays,
      organization: this.settings.organization,
    });
    return { ...this.leaf(id, spec, usage), caCertificatePem: this.ca.certPem };
  }

  /** {@link issue} for a server (a second service such as the token server). */
  public issueServerCertificate(
    id: string,
    names: { readonly hostnames: readonly string[]; readonly serviceNames?: readonly string[] },
  ): TlsMaterial {
    return this.issue(id, names, 'server');
  }

  private key(keyId: string): PrivateKey {
    return new PrivateKey(
      this,
      keyId,
      this.settings.keyAlgorithm === 'ECDSA'
        ? { algorithm: 'ECDSA', ecdsaCurve: 'P256' }
        : { algorithm: 'RSA', rsaBits: 3072 },
    );
  }

  /** The key, request and certificate of one leaf (ids `<id>-key`, `<id>-csr`, `<id>`). */
  protected leaf(id: string, spec: ResolvedGeneratedTls, usage: CertificateUsage): TlsMaterial {
    const key = this.key(`${id}-key`);
    const csr = new CertRequest(this, `${id}-csr`, {
      privateKeyPem: key.privateKeyPem,
      dnsNames: spec.dnsNames,
      ipAddresses: spec.ipAddresses,
      subject: [{ commonName: spec.dnsNames[0] ?? spec.ipAddresses[0], organization: spec.organization }],
    });
    const cert = new LocallySignedCert(this, id, {
      certRequestPem: csr.certRequestPem,
      caPrivateKeyPem: this.caKey.privateKeyPem,
      caCertPem: this.ca.certPem,
      validityPeriodHours: spec.serverValidityDays * 24,
      setSubjectKeyId: true,
      allowedUses: [
        'digital_signature',
        'key_encipherment',
        usage === 'server' ? 'server_auth' : 'client_auth',
      ],
    });
    return { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPem };
  }
}

/**
 * A private CA ({@link CertificateAuthority}) and the registry's server certificate signed by it.
 * The SANs cover every hostname, every service name, `localhost` and `127.0.0.1`.
 * Construct ids `ca-key`, `ca`, `server-key`, `server-csr` and `server` are public API.
 */
export class RegistryCertificates extends CertificateAuthority implements TlsMaterial {
  /** The server certificate (PEM). */
  public readonly certificatePem: string;
  /** The server private key (PEM), a Terraform reference. */
  public readonly privateKeyPem: string;
  /** The DNS names in the server certificate. */
  public readonly dnsNames: readonly string[];
  /** The IP addresses in the server certificate. */
  public readonly ipAddresses: readonly string[];

  /** Generates the CA and the server certificate. */
  public constructor(scope: Construct, id: string, props: GeneratedTlsSpec) {
    const spec = resolveGeneratedTls(id, props);
    super(scope, id, props);
    const server = this.leaf('server', spec, 'server');
    this.certificatePem = server.certificatePem;
    this.privateKeyPem = server.privateKeyPem;
    this.dnsNames = spec.dnsNames;
    this.ipAddresses = spec.ipAddresses;
  }
}
