import {
  GeneratedTlsSpec,
  ResolvedGeneratedTls,
  resolveGeneratedTls,
  resolveSuppliedTls,
  SuppliedTlsSpec,
} from '../model/tls';
import { pulumi, tls } from './engine';
import { outputOf } from './private/values';

/** A server certificate, its key and (optionally) the CA clients must trust, as Pulumi values. */
export interface TlsMaterial {
  /** The server certificate (PEM). */
  readonly certificatePem: pulumi.Input<string>;
  /** The server private key (PEM), a secret output. */
  readonly privateKeyPem: pulumi.Output<string>;
  /** The CA certificate (PEM) to put in `/etc/docker/certs.d/<host:port>/ca.crt`. */
  readonly caCertificatePem?: pulumi.Input<string>;
}

/**
 * Certificates the user supplies: the key as `pulumiSecret(config.requireSecret('key'))`, the
 * certificates as PEM text or `pulumiSecret(...)`.
 * @throws SpecError when the key is a literal or the certificate does not look like one
 */
export function suppliedTls(spec: SuppliedTlsSpec, path = 'tls'): TlsMaterial {
  const s = resolveSuppliedTls(path, spec);
  return {
    certificatePem: outputOf(s.certificatePem),
    privateKeyPem: pulumi.secret(outputOf(s.privateKeyPem)),
    ...(s.caCertificatePem !== undefined ? { caCertificatePem: outputOf(s.caCertificatePem) } : {}),
  };
}

/** What a leaf certificate is for: a TLS server, or a client that shows it (mutual TLS). */
export type CertificateUsage = 'server' | 'client';

/** Args of {@link CertificateAuthority}: how its certificates are made. */
export type CertificateAuthorityArgs = Omit<GeneratedTlsSpec, 'hostnames' | 'serviceNames'>;

/**
 * A private CA generated once by the tls provider and kept (encrypted) in the Pulumi state, that
 * issues leaf certificates, as the cdktf `CertificateAuthority` does. Children `<name>-ca-key`,
 * `<name>-ca`, and `<name>-<id>-key`, `<name>-<id>-csr`, `<name>-<id>` per issued certificate.
 */
export class CertificateAuthority extends pulumi.ComponentResource {
  /** The CA certificate (PEM). */
  public readonly caCertificatePem: pulumi.Output<string>;

  /** The validated settings. */
  protected readonly settings: ResolvedGeneratedTls;
  private readonly caKey: tls.PrivateKey;
  private readonly caCert: tls.SelfSignedCert;
  private readonly baseName: string;

  /** Generates the CA key and certificate. */
  public constructor(
    name: string,
    args: CertificateAuthorityArgs = {},
    opts?: pulumi.ComponentResourceOptions,
    type = 'registry-platform:index:CertificateAuthority',
  ) {
    super(type, name, {}, opts);
    this.baseName = name;
    this.settings = resolveGeneratedTls(name, { ...args, hostnames: ['localhost'] });
    this.caKey = this.key('ca-key');
    this.caCert = new tls.SelfSignedCert(
      `${name}-ca`,
      {
        privateKeyPem: this.caKey.privateKeyPem,
        isCaCertificate: true,
        setSubjectKeyId: true,
        validityPeriodHours: this.settings.caValidityDays * 24,
        allowedUses: ['cert_signing', 'crl_signing', 'digital_signature'],
        subject: { commonName: `${this.settings.organization} CA`, organization: this.settings.organization },
      },
      { parent: this },
    );
    this.caCertificatePem = this.caCert.certPem;
    if (new.target === CertificateAuthority)
      this.registerOutputs({ caCertificatePem: this.caCertificatePem });
  }

  /** Issues a leaf certificate for `names`, usable for `usage` only. */
  public issue(
    id: string,
    names: { readonly hostnames: readonly string[]; readonly serviceNames?: readonly string[] },
    usage: CertificateUsage = 'server',
  ): TlsMaterial {
    const spec = resolveGeneratedTls(`${this.baseName}.${id}`, {
      ...names,
      keyAlgorithm: this.settings.keyAlgorithm,
      caValidityDays: this.settings.caValidityDays,
      serverValidityDays: this.settings.serverValidityDays,
      organization: this.settings.organization,
    });
    return { ...this.leaf(id, spec, usage), caCertificatePem: this.caCert.certPem };
  }

  private key(id: string): tls.PrivateKey {
    return new tls.PrivateKey(
      `${this.baseName}-${id}`,
      this.settings.keyAlgorithm === 'ECDSA'
        ? { algorithm: 'ECDSA', ecdsaCurve: 'P256' }
        : { algorithm: 'RSA', rsaBits: 3072 },
      { parent: this, additionalSecretOutputs: ['privateKeyPem'] },
    );
  }

  /** The key, request and certificate of one leaf. */
  protected leaf(id: string, spec: ResolvedGeneratedTls, usage: CertificateUsage): TlsMaterial {
    const key = this.key(`${id}-key`);
    const csr = new tls.CertRequest(
      `${this.baseName}-${id}-csr`,
      {
        privateKeyPem: key.privateKeyPem,
        dnsNames: [...spec.dnsNames],
        ipAddresses: [...spec.ipAddresses],
        subject: { commonName: spec.dnsNames[0] ?? spec.ipAddresses[0], organization: spec.organization },
      },
      { parent: this },
    );
    const cert = new tls.LocallySignedCert(
      `${this.baseName}-${id}`,
      {
        certRequestPem: csr.certRequestPem,
        caPrivateKeyPem: this.caKey.privateKeyPem,
        caCertPem: this.caCert.certPem,
        validityPeriodHours: spec.serverValidityDays * 24,
        setSubjectKeyId: true,
        allowedUses: [
          'digital_signature',
          'key_encipherment',
          usage === 'server' ? 'server_auth' : 'client_auth',
        ],
      },
      { parent: this },
    );
    return { certificatePem: cert.certPem, privateKeyPem: pulumi.secret(key.privateKeyPem) };
  }
}

/**
 * A private CA and the registry's server certificate signed by it (SANs: every hostname and
 * service name, `localhost`, `127.0.0.1`). Children as {@link CertificateAuthority}'s, the server
 * certificate under the id `server`.
 */
export class RegistryCertificates extends CertificateAuthority implements TlsMaterial {
  /** The server certificate (PEM). */
  public readonly certificatePem: pulumi.Output<string>;
  /** The server private key (PEM), secret. */
  public readonly privateKeyPem: pulumi.Output<string>;
  /** The DNS names in the server certificate. */
  public readonly dnsNames: readonly string[];
  /** The IP addresses in the server certificate. */
  public readonly ipAddresses: readonly string[];

  /** Generates the CA and the server certificate. */
  public constructor(name: string, args: GeneratedTlsSpec, opts?: pulumi.ComponentResourceOptions) {
    const spec = resolveGeneratedTls(name, args);
    super(name, args, opts, 'registry-platform:index:RegistryCertificates');
    const server = this.leaf('server', spec, 'server');
    this.certificatePem = pulumi.output(server.certificatePem);
    this.privateKeyPem = server.privateKeyPem;
    this.dnsNames = spec.dnsNames;
    this.ipAddresses = spec.ipAddresses;
    this.registerOutputs({ caCertificatePem: this.caCertificatePem, certificatePem: this.certificatePem });
  }
}
