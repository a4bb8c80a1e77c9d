import { NOTARY_DATABASES, NotaryService, ResolvedNotary } from '../model/notary';
import { ResolvedNotaryMigrations } from '../model/notary-migrations';
import { SecretRef } from '../model/secret';
import { RenderedFile } from './file';
import { NotaryAddress } from './notary-config';
import { SecretSlots } from './secret-slots';
import { renderTemplate } from './templates';

/** Where the migration job finds its files. */
export const NOTARY_MIGRATE_DIR = '/etc/notary-migrate';

/** Passwords the database files need. */
export interface NotaryDatabasePasswords {
  /** MariaDB's root password (the job connects as root). */
  readonly root: SecretRef;
  /** Each service's database user's password. */
  readonly server: SecretRef;
  readonly signer: SecretRef;
}

const SERVICES: readonly NotaryService[] = ['server', 'signer'];

/**
 * The migration job's files: `client.cnf` (where and as whom it connects), `setup.sql` (the two
 * databases and their users, each allowed rows of its own database only), `migrate.sh` and
 * Notary's migrations under `server/` and `signer/`. Every password is generated from letters and
 * digits and placed raw.
 */
export function renderNotaryMigrationJob(
  spec: ResolvedNotary,
  inputs: {
    readonly database: NotaryAddress;
    readonly passwords: NotaryDatabasePasswords;
    readonly migrations: ResolvedNotaryMigrations;
    /** The database's data volume (named when its root password does not match). */
    readonly dataVolumeName: string;
  },
): RenderedFile[] {
  const dir = NOTARY_MIGRATE_DIR;
  const client = new SecretSlots();
  const clientCnf = [
    '[client]',
    `host=${inputs.database.host}`,
    `port=${inputs.database.port}`,
    'user=root',
    `password=${client.place('client.password', inputs.passwords.root, 'raw')}`,
    '',
  ].join('\n');

  const setup = new SecretSlots();
  const lines = [
    "-- Rendered by registry-platform: Notary's databases and the users its services connect as.",
    '-- Each user may read and write rows of its own database only; migrations run as root.',
    '-- Safe to run again (the password follows the generated one).',
  ];
  for (const service of SERVICES) {
    const { database, user } = NOTARY_DATABASES[service];
    const password = (n: number): string =>
      setup.place(`${service}.password${n === 1 ? '' : `.${n}`}`, inputs.passwords[service], 'raw');
    lines.push(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8;`,
      `CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password(1)}';`,
      `ALTER USER '${user}'@'%' IDENTIFIED BY '${password(2)}';`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON \`${database}\`.* TO '${user}'@'%';`,
    );
  }
  lines.push('');

  const script = renderTemplate('notary/migrate.sh.hbs', {
    dir,
    volume: inputs.dataVolumeName,
    waitSeconds: spec.databaseWaitSeconds,
    databases: SERVICES.map((service) => ({ service, database: NOTARY_DATABASES[service].database })),
  });
  return [
    client.file(`${dir}/client.cnf`, clientCnf, '0440'),
    setup.file(`${dir}/setup.sql`, lines.join('\n'), '0440'),
    { path: `${dir}/migrate.sh`, content: script, mode: '0555' },
    ...SERVICES.flatMap((service) =>
      inputs.migrations[service].map((m) => ({
        path: `${dir}/${service}/${m.name}`,
        content: m.sql,
        mode: '0444',
      })),
    ),
  ];
}
