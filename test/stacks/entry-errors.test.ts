import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The app as cdktf runs it (`node dist/main.js`, built by `npm test`): a user mistake is one line
// on stderr and exit code 1, never a stack trace.
test('a missing Notary migrations folder is one line naming the prop and the fix', () => {
  const main = join(__dirname, '..', '..', 'dist', 'main.js');
  const r = spawnSync('node', [main], {
    cwd: mkdtempSync(join(tmpdir(), 'entry-')),
    env: { ...process.env, NOTARY_MIGRATIONS_DIR: '/nonexistent/migrations' },
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^error: trust\.notaryMigrations: got "\/nonexistent\/migrations"; .* run scripts\/notary-migrations\.sh/,
    ),
  ]);
});
