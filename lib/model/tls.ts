import { checkHostname, checkInt, checkList, checkOneOf, checkSpec } from './checks';
import { SpecError } from './errors';
import { checkSecret, SecretRef, TextOrSecret } from './secret';

/** A certificate and key the user supplies instead of generated ones. */
export interface SuppliedTlsSpec {
  /** The server certificate (PEM, or a reference to one; leaf first, then intermediates). */
  readonly certificatePem: TextOrSecret;
  /** The server's private key, a secret reference (cdktf: `terraformSecret(Fn.file(...))`). */
  readonly privateKeyPem: SecretRef;
  /** The CA that signed the certificate, so clients can be told to trust it. @default none */
  readonly caCertificatePem?: TextOrSecret;
}

/** A certificate and its key as the plans take them: the key is always a secret. */
export interface CertificateAndKey {
  /** The certificate (PEM), or a reference to one. */
  readonly certificatePem: TextOrSecret;
  /** The private key. */
  readonly privateKeyPem: SecretRef;
}

/** A generated CA and server certificate. */
export interface GeneratedTlsSpec {
  /** Names clients use to reach the registry (DNS names or IPv4 addresses). */
  readonly hostnames: readonly string[];
  /** Names containers use (service names on the Docker network). @default none */
  readonly serviceNames?: readonly string[];
  /** Key algorithm of both keys. @default 'ECDSA' (P-256) */
  readonly keyAlgorithm?: 'ECDSA' | 'RSA';
  /** Lifetime of the CA certificate in days. @default 3650 */
  readonly caValidityDays?: number;
  /** Lifetime of the server certificate in days. @default 397 */
  readonly serverValidityDays?: number;
  /** Organization written into both subjects. @default 'Registry Platform' */
  readonly organization?: string;
}

/** A validated generated-TLS spec with the SANs split into DNS names and IP addresses. */
export interface ResolvedGeneratedTls {
  readonly dnsNames: string[];
  readonly ipAddresses: string[];
  readonly keyAlgorithm: 'ECDSA' | 'RSA';
  readonly caValidityDays: number;
  readonly serverValidityDays: number;
  readonly organization: string;
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * Validates a generated-TLS spec and computes the certificate's SANs: every hostname and service
 * name, plus `localhost` and `127.0.0.1` so that health checks inside the container verify.
 * Duplicates are removed and the order is fixed (as given), so the certificate is stable.
 */
export function resolveGeneratedTls(path: string, given: GeneratedTlsSpec): ResolvedGeneratedTls {
  const spec = checkSpec(path, given) as GeneratedTlsSpec;
  const hostnames = checkList(`${path}.hostnames`, spec.hostnames, checkHostname);
  if (hostnames.length === 0) {
    throw new SpecError(`${path}.hostnames`, spec.hostnames, 'allowed: at least one hostname clients use');
  }
  const services = checkList(`${path}.serviceNames`, spec.serviceNames ?? [], checkHostname);
  const all = [...hostnames, ...services, 'localhost', '127.0.0.1'];
  const unique = all.filter((n, i) => all.indexOf(n) === i);
  const organization = spec.organization ?? 'Registry Platform';
  if (typeof organization !== 'string' || !/^[A-Za-z0-9 .,_-]{1,64}$/.test(organization)) {
    throw new SpecError(
      `${path}.organization`,
      organization,
      'allowed: 1 to 64 letters, digits, spaces or .,_-',
    );
  }
  const caValidityDays = checkInt(`${path}.caValidityDays`, spec.caValidityDays ?? 3650, 1, 36500);
  const serverValidityDays = checkInt(`${path}.serverValidityDays`, spec.serverValidityDays ?? 397, 1, 36500);
  if (serverValidityDays > caValidityDays) {
    throw new SpecError(
      `${path}.serverValidityDays`,
      serverValidityDays,
      `must not exceed caValidityDays (${caValidityDays})`,
    );
  }
  return {
    dnsNames: unique.filter((n) => !IPV4.test(n)),
    ipAddresses: unique.filter((n) => IPV4.test(n)),
    keyAlgorithm: checkOneOf(`${path}.keyAlgorithm`, spec.keyAlgorithm ?? 'ECDSA', ['ECDSA', 'RSA'] as const),
    caValidityDays,
    serverValidityDays,
    organization,
  };
}

/** Validates supplied PEMs: the certificate looks like one, the key is a reference, not a literal. */
export function resolveSuppliedTls(path: string, given: SuppliedTlsSpec): SuppliedTlsSpec {
  const spec = checkSpec(path, given) as SuppliedTlsSpec;
  const isCert = (v: unknown): boolean =>
    SecretRef.isSecretRef(v) || (typeof v === 'string' && v.includes('-----BEGIN CERTIFICATE-----'));
  if (!isCert(spec.certificatePem)) {
    throw new SpecError(
      `${path}.certificatePem`,
      spec.certificatePem,
      'allowed: a PEM certificate or a reference to one',
    );
  }
  if (spec.caCertificatePem !== undefined && !isCert(spec.caCertificatePem)) {
    throw new SpecError(
      `${path}.caCertificatePem`,
      spec.caCertificatePem,
      'allowed: a PEM certificate or a reference to one',
    );
  }
  checkSecret(`${path}.privateKeyPem`, spec.privateKeyPem, 'a private key');
  return spec;
}
