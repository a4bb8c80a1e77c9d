import { checkDockerName } from '../model/checks';
import { NotarySpec, ResolvedNotary, resolveNotary } from '../model/notary';
import { NotaryMigrations, resolveNotaryMigrations } from '../model/notary-migrations';
import { ResolvedPublish, resolvePublish } from '../model/publish';
import { SecretRef, TextOrSecret } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import {
  NOTARY_PORTS,
  notaryDatabasePlan,
  notaryMigrationPlan,
  notaryServerPlan,
  notarySignerPlan,
} from './notary-plans';
import { ServicePlan } from './service-plan';

/** The props of a Notary component that every engine reads the same way. */
export interface NotaryComponentSpec extends NotarySpec {
  /** Prefix of container, network and volume names (`<prefix>-notary-server`, ...). */
  readonly prefix: string;
  /** `host:port` of the registry whose images it holds trust data for (the default `gunPrefixes`). */
  readonly registry: string;
  /** Notary's MySQL migrations (see `readNotaryMigrations`). */
  readonly migrations: NotaryMigrations;
  /** Host address notary-server is published on. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Docker volume of the database (kept on destroy). @default '<prefix>-notary-db' */
  readonly databaseVolumeName?: string;
}

/** What the engine made for Notary: passwords, the passphrase and certificates. */
export interface NotaryEngineValues {
  /** Database passwords: root (used once, on an empty volume), notary-server's and the signer's. */
  readonly passwords: { readonly root: SecretRef; readonly server: SecretRef; readonly signer: SecretRef };
  /** The signer's key passphrase. */
  readonly passphrase: SecretRef;
  /** notary-server's HTTPS certificate (the CA clients trust). */
  readonly tls: CertificateAndKey;
  /** The signer's server certificate from the internal CA. */
  readonly signerTls: CertificateAndKey;
  /** notary-server's client certificate from the internal CA. */
  readonly clientTls: CertificateAndKey;
  /** The internal CA's certificate. */
  readonly internalCaPem: TextOrSecret;
}

/** The four Notary containers, in the order they start. */
export interface NotaryPlans {
  readonly database: ServicePlan;
  readonly migrate: ServicePlan;
  readonly signer: ServicePlan;
  readonly server: ServicePlan;
}

/** A Notary component decided, before the engine makes its secrets. */
export interface NotaryComponent {
  /** The name prefix. */
  readonly prefix: string;
  /** The validated spec. */
  readonly spec: ResolvedNotary;
  /** Where notary-server is published. */
  readonly publish: ResolvedPublish;
  /** The URL clients use (`DOCKER_CONTENT_TRUST_SERVER`). */
  readonly url: string;
  /** The database volume (kept on destroy). */
  readonly databaseVolumeName: string;
  /** The Notary network's name. */
  readonly networkName: string;
  /** The container plans, once the engine has made the secrets. */
  plans(values: NotaryEngineValues): NotaryPlans;
}

/**
 * Decides Notary for any engine: the spec and the migrations (checked against the v0.7.0
 * release's checksums), names, the published port, and then the database, migration job, signer
 * and server plans wired to each other on the Notary network.
 * @throws SpecError naming `<id>.<prop>`
 */
export function notaryComponent(id: string, props: NotaryComponentSpec): NotaryComponent {
  const prefix = checkDockerName(`${id}.prefix`, props.prefix);
  const spec = resolveNotary(id, props, `${props.registry}/`);
  const migrations = resolveNotaryMigrations(`${id}.migrations`, props.migrations);
  const publish = resolvePublish(`${id}.port`, {
    port: spec.port,
    ...(props.bindAddress !== undefined ? { bindAddress: props.bindAddress } : {}),
  });
  const databaseVolumeName = checkDockerName(
    `${id}.databaseVolumeName`,
    props.databaseVolumeName ?? `${prefix}-notary-db`,
  );
  const host = props.registry.replace(/:\d+$/, '');
  const database = { host: 'notary-db', port: NOTARY_PORTS.database };
  const signer = { host: 'notary-signer', port: NOTARY_PORTS.signer };
  return {
    prefix,
    spec,
    publish,
    url: `https://${host}:${publish.port}`,
    databaseVolumeName,
    networkName: `${prefix}-notary-net`,
    plans: (v) => ({
      database: notaryDatabasePlan({
        name: `${prefix}-notary-db`,
        spec,
        aliases: [database.host],
        dataVolumeName: databaseVolumeName,
        rootPassword: v.passwords.root,
      }),
      migrate: notaryMigrationPlan({
        name: `${prefix}-notary-migrate`,
        spec,
        database,
        passwords: v.passwords,
        migrations,
        dataVolumeName: databaseVolumeName,
      }),
      signer: notarySignerPlan({
        name: `${prefix}-notary-signer`,
        spec,
        aliases: [signer.host],
        database,
        databasePassword: v.passwords.signer,
        passphrase: v.passphrase,
        tls: v.signerTls,
        internalCaPem: v.internalCaPem,
      }),
      server: notaryServerPlan({
        name: `${prefix}-notary-server`,
        spec,
        aliases: ['notary-server'],
        publish,
        signer,
        database,
        databasePassword: v.passwords.server,
        tls: v.tls,
        client: v.clientTls,
        internalCaPem: v.internalCaPem,
      }),
    }),
  };
}
