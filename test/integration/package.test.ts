/**
 * The library as a user gets it: `npm pack`, then the tarball installed into a fresh cdktf project
 * (offline, from the npm cache `npm ci` filled: no registry is contacted) and a stack synthesized
 * through the public API only. Needs a fresh build (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

describe('the packed library in a fresh cdktf project', () => {
  const work = mkdtempSync(join(tmpdir(), 'pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('installs with its peers (one copy of constructs), synthesizes from the public API, hides internals', () => {
    if (!existsSync(join(ROOT, 'dist', 'lib', 'index.js')))
      throw new Error('dist/ is missing: run npm run build');
    npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const files = execFileSync('tar', ['-tzf', join(work, tarball!)], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/lib/index.js');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/templates/nginx/nginx.conf.hbs');
    expect(files.filter((f) => /^package\/(test|dist\/test|scripts|stacks)\//.test(f))).toEqual([]);

    const project = join(work, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
    // The exact versions this library is tested with, as a user would pin them.
    const peers = Object.keys(pkg.peerDependencies).map((n) => `${n}@${pkg.devDependencies[n]}`);
    npm(
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball!), ...peers],
      project,
    );
    const constructsCopies = npm(['ls', 'constructs', '--all', '--parseable'], project).trim().split('\n');
    expect(constructsCopies).toHaveLength(1);

    writeFileSync(
      join(project, 'main.js'),
      `const { App, TerraformStack } = require('cdktf');
const { Fn } = require('cdktf');
const { addPatternOutputs, configureProviders, MirrorRegistry, PlatformNetwork, Registry, terraformSecret } = require('registry-platform');
const { SecureStack } = require('registry-platform/stacks');
const app = new App({ outdir: 'out' });
const mine = new TerraformStack(app, 'mine');
configureProviders(mine);
const network = new PlatformNetwork(mine, 'network', { name: 'mine-net' });
new Registry(mine, 'registry', { name: 'mine-registry', network });
const cache = new MirrorRegistry(mine, 'cache', {
  remoteUsername: 'bot',
  remotePassword: terraformSecret(Fn.file('upstream.password')),
});
addPatternOutputs(mine, cache, 'cache_');
new SecureStack(app, 'secure', { namePrefix: 'lab' });
app.synth();
let hidden = false;
try { require('registry-platform/dist/lib/constructs/private/hardening'); } catch (e) { hidden = e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED'; }
console.log(JSON.stringify({ hidden }));
`,
    );
    const out = execFileSync('node', ['main.js'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ hidden: true });
    const mine = JSON.parse(readFileSync(join(project, 'out', 'stacks', 'mine', 'cdk.tf.json'), 'utf8'));
    expect(
      Object.values(mine.resource.docker_container)
        .map((c) => (c as { name: string }).name)
        .sort(),
    ).toEqual(['cache-mirror', 'cache-mirror-config', 'mine-registry', 'mine-registry-config']);
    expect(mine.output.cache_credentials.sensitive).toBe(true);
    const mirrorConfig = Object.values(mine.resource.docker_container)
      .flatMap((c) => (c as { upload?: { content: string }[] }).upload ?? [])
      .map((u) => u.content)
      .find((c) => c.includes('remoteurl'));
    expect(mirrorConfig).toContain('password: ${jsonencode(file("upstream.password"))}');
    const secure = JSON.parse(readFileSync(join(project, 'out', 'stacks', 'secure', 'cdk.tf.json'), 'utf8'));
    expect(
      Object.values(secure.resource.docker_container).map((c) => (c as { name: string }).name),
    ).toContain('lab-ui');

    // The types resolve through the exports map too.
    writeFileSync(
      join(project, 'check.ts'),
      `import { RegistrySpec, resolveRegistrySpec } from 'registry-platform';
import { TokenStackProps } from 'registry-platform/stacks';
const spec: RegistrySpec = { version: 3 };
const props: TokenStackProps = { registryVersion: 3 };
export const checked = [resolveRegistrySpec(spec).dialect.version, props.registryVersion];
`,
    );
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'tsc'),
      [
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'node16',
        '--moduleResolution',
        'node16',
        'check.ts',
      ],
      { cwd: project, encoding: 'utf8', timeout: 120_000 },
    );

    // The day-2 command is installed as a bin and runs without cdktf being loaded.
    const help = execFileSync(join(project, 'node_modules', '.bin', 'registry-platform'), ['--help'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(help).toMatch(/cleanup \[options\] <stack>/);
  });
});
