import { ResolvedNotary } from '../model/notary';
import { ResolvedPublish } from '../model/publish';
import { notaryComponent, NotaryComponentSpec } from '../plans/notary-component';
import { ServicePlan } from '../plans/service-plan';
import { RenderedFile } from '../render/file';
import { docker, pulumi, random } from './engine';
import { PlatformNetwork } from './network';
import { certificateAndKey, engineSecret, engineText } from './private/values';
import { realizeService } from './service';
import { CertificateAuthority, TlsMaterial } from './tls';

/** Args of {@link Notary}: the Notary spec plus how it is wired on Docker. */
export interface NotaryArgs extends NotaryComponentSpec {
  /** notary-server's HTTPS certificate, issued by the CA Docker clients already trust for the registry. */
  readonly tls: TlsMaterial;
}

/**
 * Notary v1 (notary-server published over HTTPS, notary-signer never published, MariaDB, a
 * run-once migration job), as the cdktf `Notary`. The migration job's exit code is an output
 * of this component: anything but 0 fails the update. Children `<name>-network`,
 * `<name>-internal-ca`, `<name>-db-root-password`, `<name>-db-server-password`,
 * `<name>-db-signer-password`, `<name>-signer-passphrase` and the containers of
 * `<name>-database`, `<name>-migrate`, `<name>-signer` and `<name>-server`.
 */
export class Notary extends pulumi.ComponentResource {
  /** The validated spec. */
  public readonly spec: ResolvedNotary;
  /** Where notary-server is published. */
  public readonly publish: ResolvedPublish;
  /** The URL clients use (`DOCKER_CONTENT_TRUST_SERVER`). */
  public readonly url: string;
  /** The database volume (kept on destroy). */
  public readonly databaseVolumeName: string;
  /** The internal CA of the server-signer mutual TLS. */
  public readonly internalCa: CertificateAuthority;
  /** The containers: database, migration job, signer and server. */
  public readonly containers: {
    readonly database: docker.Container;
    readonly migrate: docker.Container;
    readonly signer: docker.Container;
    readonly server: docker.Container;
  };
  /** The migration job's exit code (the update fails when it is not 0). */
  public readonly migrated: pulumi.Output<number>;
  /** Every file handed to a container, by container name. */
  public readonly files: Readonly<Record<string, readonly RenderedFile[]>>;

  /** Validates the spec and the migrations, then defines the certificates, passwords and containers. */
  public constructor(name: string, args: NotaryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:Notary', name, {}, opts);
    const c = notaryComponent(name, args);
    this.spec = c.spec;
    this.publish = c.publish;
    this.url = c.url;
    this.databaseVolumeName = c.databaseVolumeName;
    const network = new PlatformNetwork(`${name}-network`, { name: c.networkName }, { parent: this });
    this.internalCa = new CertificateAuthority(
      `${name}-internal-ca`,
      { organization: 'Notary internal' },
      { parent: this },
    );
    const signerTls = this.internalCa.issue('signer', { hostnames: ['notary-signer'] }, 'server');
    const clientTls = this.internalCa.issue('server-client', { hostnames: ['notary-server'] }, 'client');
    const password = (id: string): pulumi.Output<string> =>
      new random.RandomPassword(
        `${name}-${id}`,
        { length: 32, special: false },
        { parent: this, additionalSecretOutputs: ['result'] },
      ).result;
    const plans = c.plans({
      passwords: {
        root: this.spec.databaseRootPassword ?? engineSecret(password('db-root-password')),
        server: engineSecret(password('db-server-password')),
        signer: engineSecret(password('db-signer-password')),
      },
      passphrase: this.spec.signerPassphrase ?? engineSecret(password('signer-passphrase')),
      tls: certificateAndKey(args.tls),
      signerTls: certificateAndKey(signerTls),
      clientTls: certificateAndKey(clientTls),
      internalCaPem: engineText(this.internalCa.caCertificatePem),
    });
    const realize = (child: string, plan: ServicePlan, dependsOn: docker.Container[]) =>
      realizeService(this, `${name}-${child}`, plan, { network, dependsOn });
    const database = realize('database', plans.database, []).container;
    const migrate = realize('migrate', plans.migrate, [database]);
    const signer = realize('signer', plans.signer, [migrate.container]).container;
    const server = realize('server', plans.server, [migrate.container, signer]).container;
    this.containers = { database, migrate: migrate.container, signer, server };
    if (migrate.completed === undefined) throw new Error('internal: the migration plan is not a job');
    this.migrated = migrate.completed;
    this.files = Object.fromEntries(
      [plans.database, plans.migrate, plans.signer, plans.server].map((p) => [p.name, p.files]),
    );
    this.registerOutputs({ url: this.url, migrated: this.migrated });
  }
}
