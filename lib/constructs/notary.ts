import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { NotarySpec, ResolvedNotary, resolveNotary } from '../model/notary';
import { NotaryMigrations, resolveNotaryMigrations } from '../model/notary-migrations';
import { ResolvedPublish, resolvePublish } from '../model/publish';
import {
  NOTARY_PORTS,
  notaryDatabasePlan,
  notaryMigrationPlan,
  notaryServerPlan,
  notarySignerPlan,
} from '../plans/notary-plans';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, Password } from './providers';
import { certificateAndKey, engineSecret, engineText } from './private/secret-values';
import { realizeService } from './service';
import { CertificateAuthority, TlsMaterial } from './tls';

/** Props of {@link Notary}: the Notary spec plus how it is wired on Docker. */
export interface NotaryProps extends NotarySpec {
  /** Prefix of container, network and volume names (`<prefix>-notary-server`, ...). */
  readonly prefix: string;
  /**
   * `host:port` of the registry whose images it holds trust data for: the default
   * `gunPrefixes` (`<registry>/`).
   */
  readonly registry: string;
  /**
   * notary-server's HTTPS certificate, issued by the CA Docker clients already trust for the
   * registry (they find it in `~/.docker/tls/<host:port>/ca.crt`).
   */
  readonly tls: TlsMaterial;
  /** Notary's MySQL migrations (see `readNotaryMigrations`). */
  readonly migrations: NotaryMigrations;
  /** Host address notary-server is published on. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Docker volume of the database (kept on destroy). @default '<prefix>-notary-db' */
  readonly databaseVolumeName?: string;
}

/**
 * Notary v1, the server Docker Content Trust talks to: notary-server (published over HTTPS),
 * notary-signer (never published) and a MariaDB, on a network of their own.
 *
 * - The server and the signer authenticate each other with certificates from an internal CA of
 *   their own (child `internal-ca`): the signer requires a client certificate from it, and a
 *   server certificate cannot stand in for a client one.
 * - The database root password, each service's database password and the signer's key
 *   passphrase are generated once and kept in state (the root password and the passphrase may be
 *   supplied instead, so that the kept database volume can be used again after a destroy).
 * - A run-once job (`migrate`) creates the databases and least-privilege users and applies
 *   Notary's migrations before the services start; run again, it applies only newer ones.
 * - The trust data lives in a named volume that outlives the containers (not deleted by destroy).
 *
 * Every container has a read-only root, no capabilities and no privilege escalation. Child ids
 * `network`, `internal-ca`, `db-root-password`, `db-server-password`, `db-signer-password`,
 * `signer-passphrase`, `database`, `migrate`, `signer` and `server` are public API.
 */
export class Notary extends Construct {
  /** The validated spec. */
  public readonly spec: ResolvedNotary;
  /** Where notary-server is published. */
  public readonly publish: ResolvedPublish;
  /** The URL clients use (`DOCKER_CONTENT_TRUST_SERVER`), for example `https://localhost:4443`. */
  public readonly url: string;
  /** The CA that signed notary-server's HTTPS certificate. */
  public readonly caCertificatePem?: string;
  /** The internal CA of the server-signer mutual TLS. */
  public readonly internalCa: CertificateAuthority;
  /** The database volume (kept on destroy). */
  public readonly databaseVolumeName: string;
  /** The containers: database, migration job, signer and server. */
  public readonly containers: {
    readonly database: Container;
    readonly migrate: Container;
    readonly signer: Container;
    readonly server: Container;
  };
  /** Every file handed to a container, by container name. */
  public readonly files: Readonly<Record<string, readonly RenderedFile[]>>;

  /** Validates the spec and the migrations, then defines the certificates, passwords and containers. */
  public constructor(scope: Construct, id: string, props: NotaryProps) {
    super(scope, id);
    const prefix = checkDockerName(`${id}.prefix`, props.prefix);
    this.spec = resolveNotary(id, props, `${props.registry}/`);
    const migrations = resolveNotaryMigrations(`${id}.migrations`, props.migrations);
    this.publish = resolvePublish(`${id}.port`, {
      port: this.spec.port,
      ...(props.bindAddress !== undefined ? { bindAddress: props.bindAddress } : {}),
    });
    this.databaseVolumeName = checkDockerName(
      `${id}.databaseVolumeName`,
      props.databaseVolumeName ?? `${prefix}-notary-db`,
    );
    const host = props.registry.replace(/:\d+$/, '');
    this.url = `https://${host}:${this.publish.port}`;
    if (props.tls.caCertificatePem !== undefined) this.caCertificatePem = props.tls.caCertificatePem;

    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-notary-net` });
    this.internalCa = new CertificateAuthority(this, 'internal-ca', { organization: 'Notary internal' });
    const signerTls = this.internalCa.issue('signer', { hostnames: ['notary-signer'] }, 'server');
    const clientTls = this.internalCa.issue('server-client', { hostnames: ['notary-server'] }, 'client');

    const password = (pid: string): string => new Password(this, pid, { length: 32, special: false }).result;
    const passwords = {
      root: this.spec.databaseRootPassword ?? engineSecret(password('db-root-password')),
      server: engineSecret(password('db-server-password')),
      signer: engineSecret(password('db-signer-password')),
    };
    const passphrase = this.spec.signerPassphrase ?? engineSecret(password('signer-passphrase'));
    const database = { host: 'notary-db', port: NOTARY_PORTS.database };
    const signer = { host: 'notary-signer', port: NOTARY_PORTS.signer };

    const dbPlan = notaryDatabasePlan({
      name: `${prefix}-notary-db`,
      spec: this.spec,
      aliases: [database.host],
      dataVolumeName: this.databaseVolumeName,
      rootPassword: passwords.root,
    });
    const dbContainer = realizeService(new Construct(this, 'database'), dbPlan, { network }).container;

    const migratePlan = notaryMigrationPlan({
      name: `${prefix}-notary-migrate`,
      spec: this.spec,
      database,
      passwords,
      migrations,
      dataVolumeName: this.databaseVolumeName,
    });
    const migrate = realizeService(new Construct(this, 'migrate'), migratePlan, {
      network,
      dependsOn: [dbContainer],
    }).container;

    const signerPlan = notarySignerPlan({
      name: `${prefix}-notary-signer`,
      spec: this.spec,
      aliases: [signer.host],
      database,
      databasePassword: passwords.signer,
      passphrase,
      tls: certificateAndKey(signerTls),
      internalCaPem: engineText(this.internalCa.caCertificatePem),
    });
    const signerContainer = realizeService(new Construct(this, 'signer'), signerPlan, {
      network,
      dependsOn: [migrate],
    }).container;

    const serverPlan = notaryServerPlan({
      name: `${prefix}-notary-server`,
      spec: this.spec,
      aliases: ['notary-server'],
      publish: this.publish,
      signer,
      database,
      databasePassword: passwords.server,
      tls: certificateAndKey(props.tls),
      client: certificateAndKey(clientTls),
      internalCaPem: engineText(this.internalCa.caCertificatePem),
    });
    const serverContainer = realizeService(new Construct(this, 'server'), serverPlan, {
      network,
      dependsOn: [migrate, signerContainer],
    }).container;

    this.containers = { database: dbContainer, migrate, signer: signerContainer, server: serverContainer };
    this.files = Object.fromEntries(
      [dbPlan, migratePlan, signerPlan, serverPlan].map((p) => [p.name, p.files]),
    );
  }
}
