import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { containerHealth, ContainerHealth } from './docker';
import { OpsError } from './ops-error';
import { RegistryApi } from './registry-api';
import { StackInfo } from './stack-info';

/** A stack's state: each container, and the registry's answer to `GET /v2/`. */
export interface StackStatus {
  readonly stack: string;
  readonly containers: readonly ContainerHealth[];
  readonly registry: { readonly url: string; readonly status?: number; readonly error?: string };
  /** Every service running (healthy where it has a check), jobs exited 0, and `/v2/` answered 200. */
  readonly ok: boolean;
}

/** Reads each container's health (config carriers left out) and asks the registry's `/v2/`. */
export async function stackStatus(info: StackInfo, api: RegistryApi): Promise<StackStatus> {
  const containers = await containerHealth(info.containers.filter((n) => !n.endsWith('-config')));
  let registry: StackStatus['registry'];
  try {
    registry = { url: info.registryUrl, status: await api.ping() };
  } catch (e) {
    registry = { url: info.registryUrl, error: e instanceof Error ? e.message : String(e) };
  }
  const fine = (c: ContainerHealth): boolean =>
    (c.status === 'running' && (c.health === '' || c.health === 'healthy')) ||
    (c.status === 'exited' && /-(migrate|job)$/.test(c.name));
  return { stack: info.stack, containers, registry, ok: containers.every(fine) && registry.status === 200 };
}

/**
 * Installs the stack's CA where the Docker daemon looks for it, `<certsDir>/<host:port>/ca.crt`.
 * Resolves to the file written.
 */
export function installCa(info: StackInfo, certsDir: string): string {
  if (info.ca === undefined)
    throw new OpsError(`stack "${info.stack}" has no CA (its registry is plain HTTP)`);
  const host = new URL(info.registryUrl).host;
  const file = join(certsDir, host, 'ca.crt');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, info.ca, { mode: 0o644 });
  return file;
}
