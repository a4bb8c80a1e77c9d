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

  test('no private key, no bcrypt hash and no password value in any file', () => {
    for (const [file, content] of first) {
      expect({ file, key: /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(content) }).toEqual({ file, key: false });
      expect({ file, bcrypt: /\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}/.test(content) }).toEqual({
        file,
        bcrypt: false,
      });
      // Passwords only ever appear as references to random_password results.
      const literals = [...content.matchAll(/"(password|secret|secretkey)"\s*:\s*"([^"]*)"/gi)].filter(
        ([, , v]) => !/^\$\{[^}]+\}$/.test(v ?? ''),
      );
      expect({ file, literals }).toEqual({ file, literals: [] });
      for (const m of content.matchAll(/(?:^|\\n)\s*(?:secret|password):\s*([^\\\n]*)/g)) {
        expect(m[1]).toMatch(/^\$\{[a-z_]+\(?[a-z_]+\.[A-Za-z0-9_-]+\.(result|bcrypt_hash)\)?\}$/);
      }
    }
  });
});
