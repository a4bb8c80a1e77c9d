import { ResolvedNotary } from '../model/notary';
import { ResolvedNotaryMigrations } from '../model/notary-migrations';
import { ResolvedPublish } from '../model/publish';
import { SecretRef, TextOrSecret } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import {
  NOTARY_PATHS,
  NotaryAddress,
  renderNotaryServerConfig,
  renderNotarySignerConfig,
  signerPassphraseVariable,
} from '../render/notary-config';
import {
  NOTARY_MIGRATE_DIR,
  NotaryDatabasePasswords,
  renderNotaryMigrationJob,
} from '../render/notary-database';
import { wholeFile } from '../render/secret-slots';
import { httpsHealthCheck, ServicePlan, TMP_TMPFS } from './service-plan';

/** Ports inside the Notary containers. */
export const NOTARY_PORTS = { server: 4443, signer: 7899, database: 3306 } as const;

/** Where the database keeps its data and its root password file. */
const DB = {
  data: '/var/lib/mysql',
  configDir: '/etc/mysql/platform',
  rootPassword: '/etc/mysql/platform/root-password',
};

/**
 * Files arrive owned by root (the provider uploads a tar as root), so the Notary and database
 * processes run with group 0 to read the 0440 ones, as Grafana's and OpenShift's images do; the
 * root filesystem is read-only and no capability is kept.
 */
const WITH_ROOT_GROUP = (uid: number): string => `${uid}:0`;

/**
 * Plans the MySQL-compatible database (MariaDB): the root password from a file
 * (`MARIADB_ROOT_PASSWORD_FILE`, used once, when the data volume is empty), the data in a named
 * volume that outlives the container, never published; healthy when the server answers a ping.
 */
export function notaryDatabasePlan(input: {
  readonly name: string;
  readonly spec: ResolvedNotary;
  readonly aliases: readonly string[];
  readonly dataVolumeName: string;
  readonly rootPassword: SecretRef;
}): ServicePlan {
  return {
    name: input.name,
    image: input.spec.images.database,
    user: WITH_ROOT_GROUP(999),
    command: ['mariadbd', '--skip-name-resolve', `--port=${NOTARY_PORTS.database}`],
    environment: { MARIADB_ROOT_PASSWORD_FILE: DB.rootPassword },
    aliases: input.aliases,
    extraNetworks: [],
    ports: [],
    configDir: DB.configDir,
    files: [wholeFile(DB.rootPassword, input.rootPassword, '0440')],
    volumes: [{ name: input.dataVolumeName, containerPath: DB.data }],
    tmpfs: { '/run/mysqld': 'rw,noexec,nosuid,size=16m,mode=1777', ...TMP_TMPFS },
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 512,
    // `mariadb-admin ping` exits 0 once the server answers, even when it refuses the login.
    healthCheck: {
      test: ['CMD', 'mariadb-admin', 'ping', '-h', '127.0.0.1', '--silent'],
      startPeriod: '30s',
      waitForHealthy: true,
    },
  };
}

/**
 * Plans the migration job: a run-once container from the database image (for its client) that
 * creates the databases and users and applies Notary's migrations (see `migrate.sh`); a deploy
 * fails when it exits non-zero, and the services start after it.
 */
export function notaryMigrationPlan(input: {
  readonly name: string;
  readonly spec: ResolvedNotary;
  readonly database: NotaryAddress;
  readonly passwords: NotaryDatabasePasswords;
  readonly migrations: ResolvedNotaryMigrations;
  readonly dataVolumeName: string;
}): ServicePlan {
  return {
    name: input.name,
    image: input.spec.images.database,
    user: WITH_ROOT_GROUP(999),
    command: ['/bin/sh', `${NOTARY_MIGRATE_DIR}/migrate.sh`],
    environment: {},
    aliases: [],
    extraNetworks: [],
    ports: [],
    configDir: NOTARY_MIGRATE_DIR,
    files: renderNotaryMigrationJob(input.spec, input),
    volumes: [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 128,
    runOnce: true,
  };
}

/**
 * Plans notary-signer: gRPC with TLS that requires a client certificate from the internal CA,
 * the key passphrase in `NOTARY_SIGNER_<ALIAS>`, never published; healthy while its gRPC port
 * accepts connections.
 */
export function notarySignerPlan(input: {
  readonly name: string;
  readonly spec: ResolvedNotary;
  readonly aliases: readonly string[];
  readonly database: NotaryAddress;
  readonly databasePassword: SecretRef;
  readonly passphrase: SecretRef;
  readonly tls: CertificateAndKey;
  readonly internalCaPem: TextOrSecret;
}): ServicePlan {
  const p = NOTARY_PATHS.signer;
  return {
    name: input.name,
    image: input.spec.images.signer,
    user: WITH_ROOT_GROUP(1000),
    command: [`-config=${p.config}`],
    environment: {},
    secretEnvironment: { [signerPassphraseVariable(input.spec)]: input.passphrase },
    aliases: input.aliases,
    extraNetworks: [],
    ports: [],
    configDir: NOTARY_PATHS.configDir,
    files: [
      renderNotarySignerConfig(input.spec, {
        grpcPort: NOTARY_PORTS.signer,
        database: input.database,
        databasePassword: input.databasePassword,
      }),
      wholeFile(p.tlsCertificate, input.tls.certificatePem, '0444'),
      wholeFile(p.tlsKey, input.tls.privateKeyPem, '0440'),
      wholeFile(p.clientCa, input.internalCaPem, '0444'),
    ],
    volumes: [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 128,
    healthCheck: {
      test: ['CMD-SHELL', `busybox nc -w 2 127.0.0.1 ${NOTARY_PORTS.signer} </dev/null`],
      startPeriod: '5s',
      waitForHealthy: true,
    },
  };
}

/**
 * Plans notary-server: HTTPS published for Docker clients (the certificate from the platform CA
 * they already trust), the signer reached over mutual TLS, MySQL storage; healthy when its own
 * health endpoint answers (it checks the database; the signer only after several failed checks in
 * a row), and a deploy waits for it.
 */
export function notaryServerPlan(input: {
  readonly name: string;
  readonly spec: ResolvedNotary;
  readonly aliases: readonly string[];
  readonly publish: ResolvedPublish;
  readonly signer: NotaryAddress;
  readonly database: NotaryAddress;
  readonly databasePassword: SecretRef;
  readonly tls: CertificateAndKey;
  readonly client: CertificateAndKey;
  readonly internalCaPem: TextOrSecret;
}): ServicePlan {
  const p = NOTARY_PATHS.server;
  const port = NOTARY_PORTS.server;
  return {
    name: input.name,
    image: input.spec.images.server,
    user: WITH_ROOT_GROUP(1000),
    command: [`-config=${p.config}`],
    environment: {},
    aliases: input.aliases,
    extraNetworks: [],
    ports: [{ containerPort: port, hostPort: input.publish.port, bindAddress: input.publish.bindAddress }],
    configDir: NOTARY_PATHS.configDir,
    files: [
      renderNotaryServerConfig(input.spec, {
        listenPort: port,
        signer: input.signer,
        database: input.database,
        databasePassword: input.databasePassword,
      }),
      wholeFile(p.tlsCertificate, input.tls.certificatePem, '0444'),
      wholeFile(p.tlsKey, input.tls.privateKeyPem, '0440'),
      wholeFile(p.signerCa, input.internalCaPem, '0444'),
      wholeFile(p.clientCertificate, input.client.certificatePem, '0444'),
      wholeFile(p.clientKey, input.client.privateKeyPem, '0440'),
    ],
    volumes: [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 128,
    healthCheck: httpsHealthCheck(port, '/_notary_server/health', '10s'),
  };
}
