/**
 * Synthesizes the whole default app (what `npm run synth` writes into cdktf.out) twice and checks
 * that the output is byte-identical and carries no private key, password or bcrypt hash.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildApp, DEFAULT_STACKS } from '../../stacks';

function synthTo(dir: string): Map<string, string> {
  buildApp({ outdir: dir }).synth();
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('synthesized app output', () => {
  const a = mkdtempSync(join(tmpdir(), 'synth-a-'));
  const b = mkdtempSync(join(tmpdir(), 'synth-b-'));
  let first: Map<string, string>;
  let second: Map<string, string>;
  beforeAll(() => {
    first = synthTo(a);
    second = synthTo(b);
  });
  afterAll(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  test('every default stack is synthesized', () => {
    for (const s of DEFAULT_STACKS) expect(first.has(join('stacks', s, 'cdk.tf.json'))).toBe(true);
  });

  test('synthesizing twice gives byte-identical files', () => {
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, content] of first)
      expect({ file, content: second.get(file) }).toEqual({ file, content });
  });

  test('no private key and no bcrypt hash in any file', () => {
    for (const [file, content] of first) {
      expect({ file, key: /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(content) }).toEqual({ file, key: false });
      expect({ file, bcrypt: /\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}/.test(content) }).toEqual({
        file,
        bcrypt: false,
      });
    }
  });

  test('every secret line of every delivered file holds a reference, and the scan finds them all', () => {
    const kinds = new Map<string, number>();
    for (const [file, content] of first) {
      if (!file.endsWith('cdk.tf.json')) continue;
      const tf = JSON.parse(content) as {
        resource?: { docker_container?: Record<string, { upload?: { file: string; content: string }[] }> };
      };
      for (const c of Object.values(tf.resource?.docker_container ?? {})) {
        for (const u of c.upload ?? []) {
          // YAML keys (`password:`, `secret:`, `secretkey:`) and redis.conf's `requirepass`.
          for (const m of u.content.matchAll(
            /^\s*(password|secret|secretkey|requirepass)(?::\s*|\s+)(\S.*)$/gm,
          )) {
            const [, kind, value] = m;
            kinds.set(kind!, (kinds.get(kind!) ?? 0) + 1);
            expect({ file, upload: u.file, kind, value }).toEqual({
              file,
              upload: u.file,
              kind,
              value: expect.stringMatching(
                /^\$\{(jsonencode\()?random_password\.[A-Za-z0-9_-]+\.(result|bcrypt_hash)\)?\}$/,
              ),
            });
          }
        }
      }
    }
    // http.secret of every registry, Redis and its clients in ha, the token server's users.
    expect(Object.fromEntries(kinds)).toEqual({
      secret: expect.any(Number),
      password: expect.any(Number),
      requirepass: 1,
    });
    expect(kinds.get('secret')).toBeGreaterThanOrEqual(7);
    expect(kinds.get('password')).toBeGreaterThanOrEqual(7);
  });
});
