import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStack, credentialsOf } from '../../lib/ops/stack-info';
import { registryContainer } from '../../lib/ops/maintenance';

// The CLI as installed (`dist/cli/main.js`, built by `npm test`), on input that needs no engine.
const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'cli-'));
/** A state file as cdktf's local backend writes it (only what the CLI reads). */
function state(stack: string, outputs: Record<string, unknown>, containers: string[]): void {
  writeFileSync(
    join(dir, `terraform.${stack}.tfstate`),
    JSON.stringify({
      outputs: Object.fromEntries(Object.entries(outputs).map(([k, value]) => [k, { value }])),
      resources: [
        {
          type: 'docker_container',
          mode: 'managed',
          instances: containers.map((name) => ({ attributes: { name } })),
        },
      ],
    }),
  );
}
state(
  'lab',
  {
    registry_url: 'https://127.0.0.1:1',
    credentials: { admin: 'x'.repeat(32) },
    data_volume: 'lab-registry-data',
  },
  ['lab-registry', 'lab-registry-config', 'lab-ui'],
);
state('ha', { registry_url: 'https://127.0.0.1:1', credentials: {}, data_volume: 'ha-registry-data' }, [
  'ha-registry-1',
  'ha-registry-2',
  'ha-lb',
]);

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', [CLI, '--dir', dir, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('registry-platform CLI without an engine', () => {
  test.each([
    [['status', 'nosuch'], 1, /^registry-platform: unknown stack "nosuch": no .*terraform\.nosuch\.tfstate/],
    [['cleanup', 'lab'], 1, /^registry-platform: cleanup needs --keep N, --older-than AGE or both$/],
    [
      ['cleanup', 'lab', '--older-than', '30 days'],
      1,
      /--older-than: got "30 days"; allowed: a positive number/,
    ],
    [['cleanup', 'lab', '--keep', '0'], 2, /a whole number of at least 1/],
    [
      ['cleanup', 'lab', '--keep', '2', '--dry-run'],
      1,
      /cannot reach the registry at https:\/\/127\.0\.0\.1:1: ECONNREFUSED/,
    ],
    [
      ['gc', 'ha'],
      1,
      /stack "ha" has 2 registry replicas \(ha-registry-1, ha-registry-2\): this command handles a single registry/,
    ],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
  ])('%j exits %i with one line', (args, code, message) => {
    const r = cli(...(args as string[]));
    expect(r.code).toBe(code);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(message)]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('the stack is read from its state: registry, credentials, containers; the registry container found', () => {
    const info = readStack(dir, 'lab');
    expect(info).toMatchObject({ registryUrl: 'https://127.0.0.1:1', dataVolume: 'lab-registry-data' });
    expect(credentialsOf(info)).toEqual({ username: 'admin', password: 'x'.repeat(32) });
    expect(registryContainer(info)).toBe('lab-registry');
  });
});
