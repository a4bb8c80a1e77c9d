/**
 * The README's layer graph is the dependency rule's own output (`npm run deps:graph`), not a
 * drawing: when an import between layers appears or goes, this test asks for the README to follow.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test("the README's layer graph is what dependency-cruiser draws from the code", () => {
  const graph = execFileSync('npm', ['run', '-s', 'deps:graph'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1]?.trim();
  expect(graph).toMatch(/^flowchart LR/);
  expect(block).toBe(graph);
});
