import { NOTARY_DATABASES, NotaryService, ResolvedNotary } from '../model/notary';
import { SecretRef } from '../model/secret';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';

/** Where notary-server and notary-signer find their files (both images take `-config=<path>`). */
export const NOTARY_PATHS = {
  /** The config volume of either service. */
  configDir: '/etc/notary',
  server: {
    config: '/etc/notary/server-config.json',
    /** The HTTPS certificate clients (the docker CLI) see. */
    tlsCertificate: '/etc/notary/server.crt',
    tlsKey: '/etc/notary/server.key',
    /** The internal CA: the signer's certificate must chain to it. */
    signerCa: '/etc/notary/internal-ca.crt',
    /** The client certificate the server shows the signer. */
    clientCertificate: '/etc/notary/client.crt',
    clientKey: '/etc/notary/client.key',
  },
  signer: {
    config: '/etc/notary/signer-config.json',
    tlsCertificate: '/etc/notary/signer.crt',
    tlsKey: '/etc/notary/signer.key',
    /** The internal CA: a client certificate must chain to it. */
    clientCa: '/etc/notary/internal-ca.crt',
  },
} as const;

/** A TCP address on the Notary network. */
export interface NotaryAddress {
  readonly host: string;
  readonly port: number;
}

/** The MySQL DSN of a service (go-sql-driver form; `parseTime` as Notary needs it). */
function dsn(user: string, password: string, db: NotaryAddress, database: string): string {
  return `${user}:${password}@tcp(${db.host}:${db.port})/${database}?parseTime=True`;
}

/** The `storage` section of a service: MySQL as its own database user (the password placed raw). */
function mysqlStorage(
  slots: SecretSlots,
  service: NotaryService,
  db: NotaryAddress,
  password: SecretRef,
): { backend: 'mysql'; db_url: string } {
  const { user, database } = NOTARY_DATABASES[service];
  return {
    backend: 'mysql',
    db_url: dsn(user, slots.place('storage.db_url.password', password, 'raw'), db, database),
  };
}

/** Pretty JSON with a final newline, as both programs read it. */
function json(doc: object): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * notary-server's `server-config.json`: HTTPS on `port` (TLS 1.2+ is the program's own floor),
 * the remote signer over gRPC with mutual TLS (`tls_ca_file` the internal CA, a client
 * certificate from it), MySQL storage and the repository prefixes it accepts. The database
 * password is placed raw inside the DSN string: it is generated from letters and digits.
 */
export function renderNotaryServerConfig(
  spec: ResolvedNotary,
  inputs: {
    /** Port it listens on inside the container. */
    readonly listenPort: number;
    readonly signer: NotaryAddress;
    readonly database: NotaryAddress;
    readonly databasePassword: SecretRef;
  },
): RenderedFile {
  const p = NOTARY_PATHS.server;
  const slots = new SecretSlots();
  const doc = {
    server: { http_addr: `:${inputs.listenPort}`, tls_cert_file: p.tlsCertificate, tls_key_file: p.tlsKey },
    trust_service: {
      type: 'remote',
      hostname: inputs.signer.host,
      port: String(inputs.signer.port),
      tls_ca_file: p.signerCa,
      key_algorithm: spec.keyAlgorithm,
      tls_client_cert: p.clientCertificate,
      tls_client_key: p.clientKey,
    },
    logging: { level: spec.logLevel },
    storage: mysqlStorage(slots, 'server', inputs.database, inputs.databasePassword),
    repositories: { gun_prefixes: [...spec.gunPrefixes] },
  };
  return slots.file(p.config, json(doc), '0440');
}

/**
 * notary-signer's `signer-config.json`: gRPC on `grpcPort` with TLS that requires a client
 * certificate from the internal CA (`client_ca_file`), MySQL storage, and the alias whose
 * passphrase (environment `NOTARY_SIGNER_<ALIAS>`) encrypts the keys it stores.
 */
export function renderNotarySignerConfig(
  spec: ResolvedNotary,
  inputs: {
    readonly grpcPort: number;
    readonly database: NotaryAddress;
    readonly databasePassword: SecretRef;
  },
): RenderedFile {
  const p = NOTARY_PATHS.signer;
  const slots = new SecretSlots();
  const doc = {
    server: {
      grpc_addr: `:${inputs.grpcPort}`,
      tls_cert_file: p.tlsCertificate,
      tls_key_file: p.tlsKey,
      client_ca_file: p.clientCa,
    },
    logging: { level: spec.logLevel },
    storage: {
      ...mysqlStorage(slots, 'signer', inputs.database, inputs.databasePassword),
      default_alias: spec.passphraseAlias,
    },
  };
  return slots.file(p.config, json(doc), '0440');
}

/** The environment variable that carries the signer's key passphrase. */
export function signerPassphraseVariable(spec: ResolvedNotary): string {
  return `NOTARY_SIGNER_${spec.passphraseAlias.toUpperCase()}`;
}
