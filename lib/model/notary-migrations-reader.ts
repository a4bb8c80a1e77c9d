import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SpecError } from './errors';
import { MigrationFile, NotaryMigrations } from './notary-migrations';

/**
 * Reads Notary's MySQL migrations from the `migrations/` folder of a notary release
 * (`server/mysql/*.up.sql` and `signer/mysql/*.up.sql`). The library does not ship them (they are
 * Notary's, Apache-2.0): fetch the notary v0.7.0 release and point here. The files are checked
 * against that release's checksums when a Notary component (cdktf or Pulumi) resolves them.
 * @param hint more words for the error (where to get the folder)
 * @throws SpecError naming `path` when the folder or one of its parts is missing
 */
export function readNotaryMigrations(
  directory: string,
  path = 'notaryMigrations',
  hint = '',
): NotaryMigrations {
  const one = (service: 'server' | 'signer'): MigrationFile[] => {
    const dir = join(directory, service, 'mysql');
    if (typeof directory !== 'string' || !existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new SpecError(
        path,
        directory,
        `allowed: the migrations/ folder of a notary v0.7.0 release, with ${service}/mysql/*.up.sql in it (${dir} is not a folder)${hint}`,
      );
    }
    return readdirSync(dir)
      .filter((n) => n.endsWith('.up.sql'))
      .sort()
      .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
  };
  return { server: one('server'), signer: one('signer') };
}
