import { Construct } from 'constructs';
import { ResolvedNotary } from '../model/notary';
import { ResolvedPublish } from '../model/publish';
import { notaryComponent, NotaryComponentSpec } from '../plans/notary-component';
import { ServicePlan } from '../plans/service-plan';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, Password } from './providers';
import { certificateAndKey, engineSecret, engineText } from './private/secret-values';
import { realizeService } from './service';
import { CertificateAuthority, TlsMaterial } from './tls';

/** Props of {@link Notary}: the Notary spec plus how it is wired on Docker. */
export interface NotaryProps extends NotaryComponentSpec {
  /**
   * notary-server's HTTPS certificate, issued by the CA Docker clients already trust for the
   * registry (they find it in `~/.docker/tls/<host:port>/ca.crt`).
   */
  readonly tls: TlsMaterial;
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
    const c = notaryComponent(id, props);
    this.spec = c.spec;
    this.publish = c.publish;
    this.databaseVolumeName = c.databaseVolumeName;
    this.url = c.url;
    if (props.tls.caCertificatePem !== undefined) this.caCertificatePem = props.tls.caCertificatePem;

    const network = new PlatformNetwork(this, 'network', { name: c.networkName });
    this.internalCa = new CertificateAuthority(this, 'internal-ca', { organization: 'Notary internal' });
    const signerTls = this.internalCa.issue('signer', { hostnames: ['notary-signer'] }, 'server');
    const clientTls = this.internalCa.issue('server-client', { hostnames: ['notary-server'] }, 'client');

    const password = (pid: string): string => new Password(this, pid, { length: 32, special: false }).result;
    const plans = c.plans({
      passwords: {
        root: this.spec.databaseRootPassword ?? engineSecret(password('db-root-password')),
        server: engineSecret(password('db-server-password')),
        signer: engineSecret(password('db-signer-password')),
      },
      passphrase: this.spec.signerPassphrase ?? engineSecret(password('signer-passphrase')),
      tls: certificateAndKey(props.tls),
      signerTls: certificateAndKey(signerTls),
      clientTls: certificateAndKey(clientTls),
      internalCaPem: engineText(this.internalCa.caCertificatePem),
    });

    const realize = (child: string, plan: ServicePlan, dependsOn: Container[]): Container =>
      realizeService(new Construct(this, child), plan, { network, dependsOn }).container;
    const database = realize('database', plans.database, []);
    const migrate = realize('migrate', plans.migrate, [database]);
    const signer = realize('signer', plans.signer, [migrate]);
    const server = realize('server', plans.server, [migrate, signer]);
    this.containers = { database, migrate, signer, server };
    this.files = Object.fromEntries(
      [plans.database, plans.migrate, plans.signer, plans.server].map((p) => [p.name, p.files]),
    );
  }
}
