/**
 * The e2e harness: runs the real `cdktf` CLI (pinned in devDependencies) against the Docker engine
 * that scripts/toolchain.sh started, with the providers from its local mirror, and inspects what
 * the engine really runs. Every wait is bounded; every command's output goes to `.e2e/out/`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(__dirname, '..', '..');
/** The e2e working directory (its own cdktf.json, state files, synth output). */
export const WORK = join(ROOT, '.e2e');
/** Logs, outputs and screenshots of the last run. */
export const OUT = join(WORK, 'out');
const CACHE = process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform');

/** The result of a command the harness ran. */
export interface RunResult {
  /** Exit code (null when killed). */
  readonly code: number | null;
  /** stdout and stderr, interleaved. */
  readonly output: string;
}

/** Runs a program with a bounded time; never throws for a non-zero exit. */
export function run(
  cmd: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, [...args], {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      output += `\n[harness] ${cmd} killed after ${timeoutMs} ms\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${cmd}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs a program and throws, with the end of its output, unless it exits 0. */
export async function must(
  cmd: string,
  args: readonly string[],
  options: Parameters<typeof run>[2] = {},
): Promise<string> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${tail(r.output)}`);
  }
  return r.output;
}

/** The last `lines` lines of a text. */
export function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * The environment scripts/toolchain.sh wrote (`TF_CLI_CONFIG_FILE`, `TERRAFORM_BINARY_NAME`,
 * `PATH`, ...), over this process's. Fails, naming the step, when the toolchain has not run.
 */
export function toolchainEnv(): NodeJS.ProcessEnv {
  const file = join(CACHE, 'toolchain.env');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run scripts/toolchain.sh first (npm run e2e does)`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', FORCE_COLOR: '0' };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)="(.*)"$/.exec(line);
    if (!m) continue;
    env[m[1]!] = m[2]!.replace(/\$PATH/g, process.env.PATH ?? '');
  }
  return env;
}

/** The real cdktf CLI in the e2e working directory. */
export class Cdktf {
  private readonly env = toolchainEnv();
  /** `E2E_VARIANT` for the e2e app: '' for the default inputs, `changed` for changed ones. */
  public variant = '';
  private readonly bin = join(ROOT, 'node_modules', '.bin', 'cdktf');

  /** Writes the e2e cdktf.json (the app is the compiled test/e2e/app.ts). */
  public constructor() {
    mkdirSync(OUT, { recursive: true });
    const app = join(ROOT, 'dist', 'test', 'e2e', 'app.js');
    if (!existsSync(app)) throw new Error(`${app} is missing: run npm run build first (npm run e2e does)`);
    writeFileSync(
      join(WORK, 'cdktf.json'),
      JSON.stringify(
        {
          language: 'typescript',
          app: `node ${app}`,
          projectId: 'registry-platform-e2e',
          sendCrashReports: 'false',
          terraformProviders: [],
          terraformModules: [],
          context: {},
        },
        null,
        2,
      ),
    );
  }

  /** Runs `cdktf <args>`; the output is saved as `.e2e/out/<log>.log`. */
  public async run(log: string, cliArgs: readonly string[], timeoutMs = 600_000): Promise<RunResult> {
    // With OpenTofu, cdktf looks the lock file's entries up under registry.terraform.io, finds
    // none (tofu writes registry.opentofu.org) and runs an online `providers lock`: skip that step;
    // `tofu init` locks the providers from the local mirror itself.
    const skipLock = this.env.TERRAFORM_BINARY_NAME === 'tofu' && cliArgs[0] !== 'synth';
    const args = skipLock ? [...cliArgs, '--skip-provider-lock'] : cliArgs;
    const started = Date.now();
    const r = await run(this.bin, args, {
      cwd: WORK,
      env: { ...this.env, E2E_VARIANT: this.variant },
      timeoutMs,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    writeFileSync(
      join(OUT, `${log}.log`),
      `$ cdktf ${args.join(' ')}\n${r.output}\n[exit ${r.code}, ${seconds} s]\n`,
    );
    timings.push({ what: `cdktf ${args[0]} ${args[1] ?? ''}`.trim(), log, seconds: Number(seconds) });
    return r;
  }

  /** Synthesizes every stack and puts the toolchain's provider lock file beside each. */
  public async synth(): Promise<void> {
    const r = await this.run('synth', ['synth']);
    if (r.code !== 0) throw new Error(`cdktf synth failed:\n${tail(r.output)}`);
    const lock = this.env.REGISTRY_PLATFORM_LOCK_FILE;
    if (!lock || !existsSync(lock)) throw new Error('the toolchain wrote no provider lock file');
    const stacks = join(WORK, 'cdktf.out', 'stacks');
    for (const s of readdirSync(stacks)) copyFileSync(lock, join(stacks, s, '.terraform.lock.hcl'));
  }

  /** `cdktf deploy`; resolves to the stack's outputs, sensitive ones included. */
  public async deploy(stack: string, log = `${stack}-deploy`): Promise<Record<string, unknown>> {
    const file = join(OUT, `${stack}-outputs.json`);
    const r = await this.run(log, [
      'deploy',
      stack,
      '--auto-approve',
      '--outputs-file',
      file,
      '--outputs-file-include-sensitive-outputs',
    ]);
    if (r.code !== 0) throw new Error(`cdktf deploy ${stack} failed:\n${tail(r.output)}`);
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    const outputs = all[stack];
    if (!outputs) throw new Error(`no outputs for ${stack} in ${file}`);
    return outputs;
  }

  /**
   * `cdktf deploy '<pattern>'` (a glob over stack names, as users run `cdktf deploy '*'`);
   * resolves to each deployed stack's outputs, sensitive ones included.
   */
  public async deployMatching(
    pattern: string,
    log: string,
  ): Promise<Record<string, Record<string, unknown>>> {
    const file = join(OUT, `${log}-outputs.json`);
    const r = await this.run(log, [
      'deploy',
      pattern,
      '--auto-approve',
      '--outputs-file',
      file,
      '--outputs-file-include-sensitive-outputs',
    ]);
    if (r.code !== 0) throw new Error(`cdktf deploy '${pattern}' failed:\n${tail(r.output)}`);
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  }

  /** `cdktf diff`: throws, with the plan, unless it reports no changes. */
  public async expectNoChanges(stack: string, log = `${stack}-diff`): Promise<void> {
    const r = await this.run(log, ['diff', stack]);
    if (r.code !== 0 || !/No changes\./.test(r.output) || /Plan: \d+ to add/.test(r.output)) {
      throw new Error(
        `the plan after deploying ${stack} is not empty (exit ${r.code}):\n${tail(r.output, 80)}`,
      );
    }
  }

  /** `cdktf destroy`. */
  public async destroy(stack: string, log = `${stack}-destroy`): Promise<void> {
    const r = await this.run(log, ['destroy', stack, '--auto-approve']);
    if (r.code !== 0) throw new Error(`cdktf destroy ${stack} failed:\n${tail(r.output)}`);
  }

  /** Whether a local state file for the stack exists (a previous run left something). */
  public hasState(stack: string): boolean {
    return existsSync(join(WORK, `terraform.${stack}.tfstate`));
  }
}

/** cdktf command timings of this run (saved with each suite's measures). */
export const timings: { what: string; log: string; seconds: number }[] = [];

/** `docker <args>`, throwing on failure. */
export function docker(args: readonly string[], timeoutMs = 120_000): Promise<string> {
  return must('docker', args, { timeoutMs });
}

/** A container of a stack as the engine reports it. */
export interface ContainerState {
  readonly name: string;
  /** `running`, `created`, `exited`, ... */
  readonly status: string;
  /** `healthy`, `starting`, `unhealthy`, or '' without a health check. */
  readonly health: string;
  readonly readOnlyRoot: boolean;
  /** A run-once job (label `org.registry-platform.job`): it must have exited 0. */
  readonly job: boolean;
  /** Exit code (meaningful once exited). */
  readonly exitCode: number;
}

/** Every container whose name starts with `<prefix>-`. */
export async function containersOf(prefix: string): Promise<ContainerState[]> {
  const names = (await docker(['ps', '-a', '--filter', `name=^/${prefix}-`, '--format', '{{.Names}}']))
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.startsWith(`${prefix}-`));
  if (names.length === 0) return [];
  const out = await docker([
    'inspect',
    '--format',
    '{{.Name}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.HostConfig.ReadonlyRootfs}}|{{index .Config.Labels "org.registry-platform.job"}}|{{.State.ExitCode}}',
    ...names,
  ]);
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [name, status, health, ro, job, exitCode] = line.split('|');
      return {
        name: name!.replace(/^\//, ''),
        status: status!,
        health: health!,
        readOnlyRoot: ro === 'true',
        job: job !== '',
        exitCode: Number(exitCode),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names of the networks, or volumes, whose name starts with `<prefix>-`. */
export async function objectsOf(kind: 'network' | 'volume', prefix: string): Promise<string[]> {
  const out = await docker([kind, 'ls', '--format', '{{.Name}}']);
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.startsWith(`${prefix}-`))
    .sort();
}

/** Config carriers are created and never started (see lib/constructs/config-files.ts). */
export const isCarrier = (c: ContainerState): boolean => c.name.endsWith('-config');

/**
 * Waits (at most `ms`) until every service container of the stack runs and every one with a
 * health check is healthy; carriers must stay `created` and run-once jobs must have exited 0
 * (jobs are not counted in `expected`). Resolves to how long it took.
 */
export async function waitHealthy(prefix: string, expected: number, ms = 120_000): Promise<number> {
  const started = Date.now();
  let last: ContainerState[] = [];
  while (Date.now() - started < ms) {
    last = await containersOf(prefix);
    const services = last.filter((c) => !isCarrier(c) && !c.job);
    const failedJob = last.find((c) => c.job && c.status === 'exited' && c.exitCode !== 0);
    if (failedJob) throw new Error(`${failedJob.name} exited ${failedJob.exitCode}`);
    const ok =
      services.length === expected &&
      services.every((c) => c.status === 'running' && (c.health === '' || c.health === 'healthy')) &&
      last.filter(isCarrier).every((c) => c.status === 'created') &&
      last.filter((c) => c.job).every((c) => c.status === 'exited' && c.exitCode === 0);
    if (ok) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${prefix}: not all healthy after ${ms} ms: ${JSON.stringify(last)}`);
}

/**
 * Removes whatever a previous, interrupted run left of a stack: `cdktf destroy` where a state
 * exists, then containers, networks and volumes with the stack's prefix.
 */
export async function cleanSlate(cdktf: Cdktf, stack: string, prefix = stack): Promise<void> {
  if (cdktf.hasState(stack))
    await cdktf.run(`${stack}-cleanup-destroy`, ['destroy', stack, '--auto-approve']);
  const containers = await containersOf(prefix);
  if (containers.length > 0) await docker(['rm', '-f', '-v', ...containers.map((c) => c.name)]);
  for (const n of await objectsOf('network', prefix)) await docker(['network', 'rm', n]);
  for (const v of await objectsOf('volume', prefix)) await docker(['volume', 'rm', '-f', v]);
}
