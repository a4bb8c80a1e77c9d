/**
 * Runs a service plan with `docker run`, the way the cdktf adapter realizes it (user, command,
 * environment, read-only root, tmpfs, no capabilities, no-new-privileges, memory), with its files
 * filled from test secrets and mounted read-only at the plan's config directory: so that a test
 * can start the real programs with rendered files for variants no stack deploys.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { environmentList, ServicePlan } from '../../lib/plans/service-plan';
import { filled } from '../helpers/secrets';
import { docker, run } from './harness';

/** A container started from a plan. */
export interface RunningPlan {
  readonly name: string;
  /** Removes the container and its files. */
  remove(): Promise<void>;
}

/**
 * Starts `plan` as a container on `network` (detached; a run-once plan in the foreground, resolving
 * to its output, and throwing when it exits non-zero). Secret environment values are test secrets.
 */
export async function runPlan(
  plan: ServicePlan,
  network: string,
  publish: readonly string[] = [],
): Promise<RunningPlan & { output: string }> {
  const dir = mkdtempSync(join(tmpdir(), `plan-${plan.name}-`));
  chmodSync(dir, 0o755);
  for (const f of plan.files) {
    const path = join(dir, relative(plan.configDir, f.path));
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    writeFileSync(path, filled(f), { mode: parseInt(f.mode, 8) });
    chmodSync(path, parseInt(f.mode, 8));
  }
  const env = [
    ...environmentList(plan.environment),
    ...Object.entries(plan.secretEnvironment ?? {}).map(([k, v]) => `${k}=${String(v.engineValue)}`),
  ];
  const args = [
    'run',
    ...(plan.runOnce === true ? ['--rm'] : ['-d']),
    '--name',
    plan.name,
    '--network',
    network,
    ...plan.aliases.flatMap((a) => ['--network-alias', a]),
    ...(plan.user !== undefined ? ['--user', plan.user] : []),
    ...(plan.rootFilesystem.readOnly ? ['--read-only'] : []),
    ...Object.entries(plan.tmpfs).flatMap(([p, o]) => ['--tmpfs', `${p}:${o}`]),
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges:true',
    '--memory',
    `${plan.memoryMb}m`,
    ...env.flatMap((e) => ['-e', e]),
    ...publish.flatMap((p) => ['-p', p]),
    '-v',
    `${dir}:${plan.configDir}:ro`,
    ...plan.volumes
      .map((v) => ['-v', `${v.name}:${v.containerPath}${v.readOnly === true ? ':ro' : ''}`])
      .flat(),
    plan.image,
    ...(plan.command ?? []),
  ];
  const r = await run('docker', args, { timeoutMs: 180_000 });
  const remove = async (): Promise<void> => {
    await run('docker', ['rm', '-f', plan.name]);
    rmSync(dir, { recursive: true, force: true });
  };
  if (r.code !== 0) {
    await remove();
    throw new Error(`${plan.name} (docker run) exited ${r.code}:\n${r.output}`);
  }
  return { name: plan.name, output: r.output, remove };
}

/** Polls `docker exec <name> <cmd>` every second until it exits 0, at most `seconds`. */
export async function waitForCommand(
  name: string,
  cmd: readonly string[],
  seconds: number,
): Promise<boolean> {
  for (let i = 0; i < seconds; i++) {
    const r = await run('docker', ['exec', name, ...cmd], { timeoutMs: 15_000 });
    if (r.code === 0) return true;
    await new Promise((res) => setTimeout(res, 1000));
  }
  return false;
}

/** The container's logs (stdout and stderr). */
export async function logsOf(name: string): Promise<string> {
  return (await run('docker', ['logs', name])).output;
}

export { docker };
