/**
 * What `cdktf synth` (main.ts) and `npm run synth` write for review: every file each container is
 * given, beside the stack's cdk.tf.json, as the service reads it, secrets as references. Each
 * stack's files are a reviewed snapshot.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReviewFiles } from '../../lib';
import { buildApp, DEFAULT_STACKS } from '../../stacks';

describe('files written for review', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'review-'));
  let written: string[] = [];
  beforeAll(() => {
    buildApp({ outdir }).synth();
    written = writeReviewFiles(outdir);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const read = (p: string): string => readFileSync(join(outdir, p), 'utf8');

  test('every upload of every stack, at stacks/<stack>/files/<service><path>, as the service reads it', () => {
    let uploads = 0;
    for (const stack of DEFAULT_STACKS) {
      const tf = JSON.parse(read(join('stacks', stack, 'cdk.tf.json')));
      for (const c of Object.values(tf.resource.docker_container) as {
        name: string;
        start?: boolean;
        upload?: { file: string; content: string }[];
      }[]) {
        const service = c.start === false ? c.name.replace(/-config$/, '') : c.name;
        for (const u of c.upload ?? []) {
          uploads += 1;
          const file = join('stacks', stack, 'files', service, u.file);
          expect(written).toContain(file);
          expect(read(file)).toBe(u.content.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
        }
      }
    }
    expect(written).toHaveLength(uploads);
    expect(written).toContain('stacks/ha/files/ha-lb/etc/nginx/lb/nginx.conf');
    expect(written).toContain('stacks/token/files/token-token-server/config/auth_config.yml');
  });

  test('no secret value in any of them: keys, hashes and passwords are references', () => {
    for (const file of written) {
      const text = read(file);
      expect({ file, key: /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) }).toEqual({ file, key: false });
      expect({ file, bcrypt: /\$2[aby]?\$\d\d\$/.test(text) }).toEqual({ file, bcrypt: false });
    }
    expect(read('stacks/ha/files/ha-redis/usr/local/etc/redis/redis.conf')).toMatch(
      /^requirepass \$\{random_password\.redis_password_[A-F0-9]+\.result\}$/m,
    );
  });

  test.each([...DEFAULT_STACKS])('snapshot of the %s stack files (reviewed)', (stack) => {
    // Notary's own migrations stand in the snapshot as their checksum: the project does not copy them.
    const files = Object.fromEntries(
      written
        .filter((f) => f.startsWith(`stacks/${stack}/`))
        .map((f) => [
          f,
          f.endsWith('.up.sql') ? `sha256:${createHash('sha256').update(read(f)).digest('hex')}` : read(f),
        ]),
    );
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(files).toMatchSnapshot();
  });
});
