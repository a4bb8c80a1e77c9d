import { Construct } from 'constructs';
import { GeneratedTlsSpec, resolveGeneratedTls, resolveSuppliedTls, SuppliedTlsSpec } from '../model/tls';
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
 * Certificates the user supplies. The private key must be a Terraform reference such as
 * `Fn.file('certs/server.key')` so it never lands in the synthesized JSON.
 * @throws SpecError when the key is a literal or the certificate does not look like one
 */
export function suppliedTls(spec: SuppliedTlsSpec, path = 'tls'): TlsMaterial {
  return resolveSuppliedTls(path, spec);
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

  /** Generates the CA and the server certificate. */
  public constructor(scope: Construct, id: string, props: GeneratedTlsSpec) {
    super(scope, id);
    const spec = resolveGeneratedTls(id, props);
    const key = (keyId: string): PrivateKey =>
      new PrivateKey(
        this,
        keyId,
        spec.keyAlgorithm === 'ECDSA'
          ? { algorithm: 'ECDSA', ecdsaCurve: 'P256' }
          : { algorithm: 'RSA', rsaBits: 3072 },
      );
    const caKey = key('ca-key');
    const ca = new SelfSignedCert(this, 'ca', {
      privateKeyPem: caKey.privateKeyPem,
      isCaCertificate: true,
      setSubjectKeyId: true,
      validityPeriodHours: spec.caValidityDays * 24,
      allowedUses: ['cert_signing', 'crl_signing', 'digital_signature'],
      subject: [{ commonName: `${spec.organization} CA`, organization: spec.organization }],
    });
    const serverKey = key('server-key');
    const csr = new CertRequest(this, 'server-csr', {
      privateKeyPem: serverKey.privateKeyPem,
      dnsNames: spec.dnsNames,
      ipAddresses: spec.ipAddresses,
      subject: [{ commonName: spec.dnsNames[0] ?? spec.ipAddresses[0], organization: spec.organization }],
    });
    const server = new LocallySignedCert(this, 'server', {
      certRequestPem: csr.certRequestPem,
      caPrivateKeyPem: caKey.privateKeyPem,
      caCertPem: ca.certPem,
      validityPeriodHours: spec.serverValidityDays * 24,
      setSubjectKeyId: true,
      allowedUses: ['digital_signature', 'key_encipherment', 'server_auth'],
    });
    this.certificatePem = server.certPem;
    this.privateKeyPem = serverKey.privateKeyPem;
    this.caCertificatePem = ca.certPem;
    this.dnsNames = spec.dnsNames;
    this.ipAddresses = spec.ipAddresses;
  }
}
