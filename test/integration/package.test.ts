/**
 * The library as a user gets it: `npm pack`, then the tarball installed into a fresh cdktf project
 * (offline, from the npm cache `npm ci` filled: no registry is contacted) and a stack synthesized
 * through the public API only. Needs a fresh build (`npm test` builds first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultNotaryMigrationsDir } from '../../stacks/trust';

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
    const peers = Object.keys(pkg.peerDependencies)
      .filter((n) => !n.startsWith('@pulumi/'))
      .map((n) => `${n}@${pkg.devDependencies[n]}`);
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
try { require('registry-platform/dist/lib/constructs/private/config-files'); } catch (e) { hidden = e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED'; }
const pulumiLoaded = Object.keys(require.cache).some((k) => k.includes('/node_modules/@pulumi/'));
console.log(JSON.stringify({ hidden, pulumiLoaded }));
`,
    );
    const out = execFileSync('node', ['main.js'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ hidden: true, pulumiLoaded: false });
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

describe('the packed library in a fresh Pulumi project', () => {
  const work = mkdtempSync(join(tmpdir(), 'pack-pulumi-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('installs with its Pulumi peers only (offline, no install scripts), runs the example program under mocks, never loads cdktf', () => {
    if (!existsSync(join(ROOT, 'dist', 'lib', 'pulumi', 'index.js')))
      throw new Error('dist/ is missing: run npm run build');
    npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const project = join(work, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-pulumi-project', private: true }),
    );
    const peers = Object.keys(pkg.peerDependencies)
      .filter((n) => n.startsWith('@pulumi/'))
      .map((n) => `${n}@${pkg.devDependencies[n]}`);
    expect(peers).toHaveLength(4);
    // --offline: everything comes from the npm cache `npm ci` filled from the npm registry, so
    // nothing is downloaded from anywhere else; --ignore-scripts: no install script runs.
    npm(
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball), ...peers],
      project,
    );
    // The engines are optional peers: a Pulumi project gets no cdktf, and the one install
    // script in the tree (protobufjs's postinstall) was not needed.
    expect(existsSync(join(project, 'node_modules', 'cdktf'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'constructs'))).toBe(false);
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript === true)
      .map(([k]) => k);
    expect(withScripts).toEqual(['node_modules/protobufjs']);

    writeFileSync(
      join(project, 'main.js'),
      `const pulumi = require('@pulumi/pulumi');
const containers = [];
const exitCodes = JSON.parse(process.env.EXIT_CODES || '{}');
pulumi.runtime.setMocks({
  newResource: (a) => {
    const state = { ...a.inputs };
    if (a.type === 'docker:index/container:Container') {
      containers.push(a.inputs.name);
      if (exitCodes[a.inputs.name] !== undefined) state.exitCode = exitCodes[a.inputs.name];
    }
    if (a.type === 'random:index/randomPassword:RandomPassword') Object.assign(state, { result: 'pw', bcryptHash: 'h' });
    if (a.type.startsWith('tls:')) Object.assign(state, { privateKeyPem: 'k', certPem: 'c', certRequestPem: 'r' });
    return { id: a.name + '-id', state };
  },
  call: () => { throw new Error('unexpected call'); },
}, 'p', 's', false).then(async () => {
  const rp = require('registry-platform/pulumi');
  const cdktfLoaded = Object.keys(require.cache).some((k) => ['cdktf', 'constructs', '@cdktf'].some((m) => k.includes('/node_modules/' + m + '/')));
  if (process.argv[2] === 'trust') {
    new rp.TrustedRegistry('t', { notaryMigrations: rp.readNotaryMigrations(process.argv[3]) });
    await pulumi.runtime.disconnect();
    console.log(JSON.stringify({ cdktfLoaded, containers: containers.sort() }));
  } else {
    // The repository's example program (examples/pulumi), compiled against the installed package.
    const example = require('./index.js');
    await pulumi.runtime.disconnect();
    console.log(JSON.stringify({ cdktfLoaded, containers: containers.sort(), registryUrl: example.registryUrl }));
  }
});
`,
    );
    for (const f of ['index.ts', 'tsconfig.json']) {
      writeFileSync(join(project, f), readFileSync(join(ROOT, 'examples', 'pulumi', f), 'utf8'));
    }
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = execFileSync('node', ['main.js'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
      cdktfLoaded: false,
      containers: ['lab-registry', 'lab-registry-config', 'lab-ui'],
      registryUrl: 'https://localhost:5443',
    });

    // A migration job that exits 1 fails the program, naming the job.
    const failed = spawnSync('node', ['main.js', 'trust', defaultNotaryMigrationsDir()], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, EXIT_CODES: JSON.stringify({ 't-notary-migrate': 1 }) },
    });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain(
      'The job t-notary-migrate failed (exit code 1); see `docker logs t-notary-migrate`.',
    );
    const ok = spawnSync('node', ['main.js', 'trust', defaultNotaryMigrationsDir()], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, EXIT_CODES: JSON.stringify({ 't-notary-migrate': 0 }) },
    });
    expect(ok.status).toBe(0);

    // The types resolve through the exports map.
    writeFileSync(
      join(project, 'check.ts'),
      `import { SecureRegistry, SecureRegistryProps, pulumiSecret } from 'registry-platform/pulumi';
const props: SecureRegistryProps = { port: 5443, users: [{ name: 'admin' }] };
export const make = (): SecureRegistry => new SecureRegistry('lab', props);
export const secret = pulumiSecret;
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
  });
});
