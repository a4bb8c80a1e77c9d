import { readNotaryMigrations } from '../../lib/constructs/notary-migrations';
import { thrown } from '../helpers/errors';
import { resolveNotary } from '../../lib/model/notary';
import { NotaryMigrations, resolveNotaryMigrations } from '../../lib/model/notary-migrations';
import { defaultNotaryMigrationsDir } from '../../stacks/trust';

describe('Notary spec', () => {
  test('defaults: port 4443, info, ecdsa, alias primary, the registry as the one GUN prefix, pinned images', () => {
    expect(resolveNotary('n', {}, 'localhost:5460/')).toEqual({
      port: 4443,
      logLevel: 'info',
      keyAlgorithm: 'ecdsa',
      passphraseAlias: 'primary',
      gunPrefixes: ['localhost:5460/'],
      images: { server: 'notary:server-0.7.0', signer: 'notary:signer-0.7.0', database: 'mariadb:10.11' },
      databaseWaitSeconds: 60,
    });
  });

  test.each([
    [{ port: 0 }, 'n.port'],
    [{ logLevel: 'verbose' }, 'n.logLevel'],
    [{ keyAlgorithm: 'dsa' }, 'n.keyAlgorithm'],
    [{ keyAlgorithm: 'rsa' }, 'n.keyAlgorithm'],
    [{ passphraseAlias: 'has-dash' }, 'n.passphraseAlias'],
    [{ passphraseAlias: '' }, 'n.passphraseAlias'],
    [{ gunPrefixes: ['no-slash'] }, 'n.gunPrefixes[0]'],
    [{ gunPrefixes: [] }, 'n.gunPrefixes'],
    [{ images: { signer: 'Bad Image' } }, 'n.images.signer'],
    [{ databaseWaitSeconds: 1 }, 'n.databaseWaitSeconds'],
    [{ images: 'mariadb' }, 'n.images'],
  ])('%j is refused under %s', (spec, property) => {
    expect(thrown(() => resolveNotary('n', spec as never, 'localhost:5460/')).property).toBe(property);
  });
});

test('rsa is refused with the reason: notary-signer 0.7 cannot create rsa keys', () => {
  expect(thrown(() => resolveNotary('n', { keyAlgorithm: 'rsa' as never }, 'h:1/')).message).toBe(
    'n.keyAlgorithm: got "rsa"; allowed: ecdsa or ed25519 (notary-signer 0.7 cannot create rsa keys)',
  );
});

describe("Notary's migrations", () => {
  const real = readNotaryMigrations(defaultNotaryMigrationsDir());
  const withServer = (server: NotaryMigrations['server']): NotaryMigrations => ({ ...real, server });

  test('the v0.7.0 release files pass, ordered by version', () => {
    const r = resolveNotaryMigrations('m', real);
    expect(r.server.map((f) => [f.version, f.name])).toEqual([
      [1, '0001_initial.up.sql'],
      [2, '0002_role_on_keys.up.sql'],
      [3, '0003_add_sha256_tuf_files.up.sql'],
      [4, '0004_drop_timestamp_key.up.sql'],
      [5, '0005_changefeed.up.sql'],
    ]);
    expect(r.signer.map((f) => f.version)).toEqual([1, 2]);
  });

  test('a newer migration after the v0.7.0 ones is taken', () => {
    const next = { name: '0006_more.up.sql', sql: 'ALTER TABLE `tuf_files` ADD COLUMN `x` int;' };
    expect(resolveNotaryMigrations('m', withServer([...real.server, next])).server).toHaveLength(6);
  });

  test('an edited v0.7.0 file is refused, naming it and its checksum', () => {
    const edited = real.server.map((f, i) => (i === 2 ? { ...f, sql: `${f.sql}\n-- edited` } : f));
    const e = thrown(() => resolveNotaryMigrations('m', withServer(edited)));
    expect(e.property).toBe('m.server[2].sql');
    expect(e.message).toMatch(/0003_add_sha256_tuf_files\.up\.sql .*SHA-256 differs/);
  });

  test('a gap, a bad name, an empty file, a missing v0.7.0 file and an empty list are refused', () => {
    const gap = real.server.filter((f) => !f.name.startsWith('0003'));
    expect(thrown(() => resolveNotaryMigrations('m', withServer(gap))).message).toMatch(
      /expected migration number 3/,
    );
    expect(
      thrown(() =>
        resolveNotaryMigrations('m', withServer([...real.server, { name: 'x.sql', sql: 'SELECT 1' }])),
      ).property,
    ).toBe('m.server[5].name');
    expect(
      thrown(() =>
        resolveNotaryMigrations('m', withServer([...real.server, { name: '0006_empty.up.sql', sql: ' ' }])),
      ).property,
    ).toBe('m.server[5].sql');
    const renamed = real.server.map((f, i) => (i === 4 ? { ...f, name: '0005_other.up.sql' } : f));
    expect(thrown(() => resolveNotaryMigrations('m', withServer(renamed))).message).toMatch(
      /expected 0005_changefeed\.up\.sql \(notary v0\.7\.0\)/,
    );
    expect(thrown(() => resolveNotaryMigrations('m', withServer([]))).property).toBe('m.server');
  });

  test('a folder that is not a notary migrations folder is named in the error', () => {
    const e = thrown(() => readNotaryMigrations('/tmp', 'stack.notaryMigrations'));
    expect(e.property).toBe('stack.notaryMigrations');
    expect(e.message).toMatch(/server\/mysql/);
  });
});
