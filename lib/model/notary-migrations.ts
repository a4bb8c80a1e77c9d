import { createHash } from 'node:crypto';
import { checkSpec } from './checks';
import { SpecError } from './errors';
import { NotaryService } from './notary';

/** One schema migration: golang-migrate's file name (`0001_initial.up.sql`) and its SQL. */
export interface MigrationFile {
  /** File name, `NNNN_<name>.up.sql`. */
  readonly name: string;
  /** The SQL. */
  readonly sql: string;
}

/**
 * Notary's MySQL schema migrations, as its release ships them in `migrations/server/mysql` and
 * `migrations/signer/mysql`. The library does not redistribute them: `readNotaryMigrations` reads
 * them from a directory the user names.
 */
export interface NotaryMigrations {
  /** notary-server's migrations. */
  readonly server: readonly MigrationFile[];
  /** notary-signer's migrations. */
  readonly signer: readonly MigrationFile[];
}

/** A migration with its version number. */
export interface ResolvedMigration extends MigrationFile {
  /** The version golang-migrate records (the file's number). */
  readonly version: number;
}

/** The migrations validated, each list ordered by version. */
export interface ResolvedNotaryMigrations {
  readonly server: readonly ResolvedMigration[];
  readonly signer: readonly ResolvedMigration[];
}

/**
 * SHA-256 of the migrations in the notary v0.7.0 release, by `<service>/<file>`. A file with one
 * of these names must have this content: a truncated or edited copy is refused rather than
 * applied half way.
 */
export const NOTARY_070_MIGRATIONS: Readonly<Record<string, string>> = {
  'server/0001_initial.up.sql': 'ab5a1f7ce4b27ab924b141e4841dea482f36254c98edc086cf0432065e6a8d7d',
  'server/0002_role_on_keys.up.sql': '4568f4f82e49d4343a3978ad04d3a370bd99fac0498d8431f8acddae44b90ac3',
  'server/0003_add_sha256_tuf_files.up.sql':
    '847a7dd800c0f85401fe8a17948dffb57652a5a28960748f527ed591d3a18a03',
  'server/0004_drop_timestamp_key.up.sql': 'ff3a4cf3bd700f15e0a74149b532c15dbf576d0b4c37f886afb69c50bb19c46f',
  'server/0005_changefeed.up.sql': '49eba5c8345fff72ff76311482253a448d811fb02b35ffe9ea484875e284ed4b',
  'signer/0001_initial.up.sql': 'de214a54dbfcc755699998b8e39ead339fc8a9c4066daf185cefddacd2940982',
  'signer/0002_gun_role_on_keys.up.sql': '761b284d437dd8858c3b0cd3cf80806a5132d2d79ea59e2f2c41378cd82bc8ca',
};

const NAME = /^(\d{4})_[a-z0-9_]+\.up\.sql$/;

/**
 * Validates Notary's migrations: every file named `NNNN_<name>.up.sql`, numbered 1, 2, 3... without
 * gaps, not empty, and a file named as in notary v0.7.0 with exactly that release's content. At
 * least the v0.7.0 set must be there (the services need its tables).
 */
export function resolveNotaryMigrations(path: string, given: NotaryMigrations): ResolvedNotaryMigrations {
  const spec = checkSpec(path, given) as NotaryMigrations;
  const one = (service: NotaryService): ResolvedMigration[] => {
    const list = spec[service];
    const where = `${path}.${service}`;
    if (!Array.isArray(list) || list.length === 0) {
      throw new SpecError(
        where,
        list,
        `allowed: notary's migrations/${service}/mysql/*.up.sql files (none found)`,
      );
    }
    const files = (list as unknown[]).map((f, at) => ({
      f: checkSpec(`${where}[${at}]`, f as MigrationFile) as MigrationFile,
      at,
    }));
    files.sort((a, b) => String(a.f.name).localeCompare(String(b.f.name)));
    return files.map(({ f, at }, i) => {
      const m = typeof f.name === 'string' ? NAME.exec(f.name) : null;
      if (m === null) {
        throw new SpecError(
          `${where}[${at}].name`,
          f.name,
          'allowed: a golang-migrate file name such as 0001_initial.up.sql',
        );
      }
      const version = Number(m[1]);
      if (version !== i + 1) {
        throw new SpecError(
          `${where}[${at}].name`,
          f.name,
          `expected migration number ${i + 1}: the files must be numbered without gaps`,
        );
      }
      if (typeof f.sql !== 'string' || f.sql.trim() === '') {
        throw new SpecError(`${where}[${at}].sql`, f.sql, "allowed: the file's SQL (it is empty)");
      }
      const known = NOTARY_070_MIGRATIONS[`${service}/${f.name}`];
      if (known !== undefined && createHash('sha256').update(f.sql).digest('hex') !== known) {
        throw new SpecError(
          `${where}[${at}].sql`,
          `${f.name} (${f.sql.length} bytes)`,
          "expected the notary v0.7.0 release's file: its SHA-256 differs (a truncated or edited copy?)",
        );
      }
      return { name: f.name as string, sql: f.sql, version };
    });
  };
  const resolved = { server: one('server'), signer: one('signer') };
  for (const key of Object.keys(NOTARY_070_MIGRATIONS)) {
    const [service, name] = key.split('/') as [NotaryService, string];
    if (!resolved[service].some((f) => f.name === name)) {
      throw new SpecError(
        `${path}.${service}`,
        resolved[service].map((f) => f.name),
        `expected ${name} (notary v0.7.0) among them`,
      );
    }
  }
  return resolved;
}
