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

/**
 * A private CA and a server certificate signed by it, generated once by the tls provider and
 * kept in Terraform state: stable across synths and deploys, never in the synthesized JSON.
 *
 * The SANs cover every hostname, every service name, `localhost` and `127.0.0.1`.
 * Construct ids `ca-key`, `ca`, `server-key`, `server-csr` and `server` are public API.
 */
export class RegistryCertificates extends Construct implements TlsMaterial {
  /** The server certificate (PEM). */
  public readonly certificatePem: string;
  /** The server private key (PEM), a Terraform reference. */
  public readonly privateKeyPem: string;
  /** The CA certificate (PEM). */
  public readonly caCertificatePem: string;
  /** The DNS names in the server certificate. */
  public readonly dnsNames: readonly string[];
  /** The IP addresses in the server certificate. */
  public readonly ipAddresses: readonly string[];

  private readonly spec: ResolvedGeneratedTls;
  private readonly caKey: PrivateKey;
  private readonly ca: SelfSignedCert;

  /** Generates the CA and the server certificate. */
  public constructor(scope: Construct, id: string, props: GeneratedTlsSpec) {
    super(scope, id);
    this.spec = resolveGeneratedTls(id, props);
    this.caKey = this.key('ca-key');
    this.ca = new SelfSignedCert(this, 'ca', {
      privateKeyPem: this.caKey.privateKeyPem,
      isCaCertificate: true,
      setSubjectKeyId: true,
      validityPeriodHours: this.spec.caValidityDays * 24,
      allowedUses: ['cert_signing', 'crl_signing', 'digital_signature'],
      subject: [{ commonName: `${this.spec.organization} CA`, organization: this.spec.organization }],
    });
    const server = this.leaf('server', this.spec);
    this.certificatePem = server.certificatePem;
    this.privateKeyPem = server.privateKeyPem;
    this.caCertificatePem = this.ca.certPem;
    this.dnsNames = this.spec.dnsNames;
    this.ipAddresses = this.spec.ipAddresses;
  }

  /**
   * Issues another server certificate from the same CA (for a second service such as the token
   * server), so that clients trust one CA. Construct ids `<id>-key`, `<id>-csr` and `<id>` are
   * public API.
   */
  public issueServerCertificate(
    id: string,
    names: { readonly hostnames: readonly string[]; readonly serviceNames?: readonly string[] },
  ): TlsMaterial {
    const spec = resolveGeneratedTls(`${this.node.id}.${id}`, {
      ...names,
      keyAlgorithm: this.spec.keyAlgorithm,
      caValidityDays: this.spec.caValidityDays,
      serverValidityDays: this.spec.serverValidityDays,
      organization: this.spec.organization,
    });
    return { ...this.leaf(id, spec), caCertificatePem: this.ca.certPem };
  }

  private key(keyId: string): PrivateKey {
    return new PrivateKey(
      this,
      keyId,
      this.spec.keyAlgorithm === 'ECDSA'
        ? { algorithm: 'ECDSA', ecdsaCurve: 'P256' }
        : { algorithm: 'RSA', rsaBits: 3072 },
    );
  }

  private leaf(id: string, spec: ResolvedGeneratedTls): TlsMaterial {
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
      allowedUses: ['digital_signature', 'key_encipherment', 'server_auth'],
    });
    return { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPem };
  }
}
