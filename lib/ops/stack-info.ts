import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpsError } from './ops-error';

/** What the day-2 commands know of a deployed stack, from its Terraform state. */
export interface StackInfo {
  /** The stack's name. */
  readonly stack: string;
  /** The registry's URL (`registry_url` output). */
  readonly registryUrl: string;
  /** The CA clients trust (`ca_certificate` output), where the stack has TLS. */
  readonly ca?: string;
  /** Where the Docker daemon looks for the CA (`ca_trust_path` output). */
  readonly caTrustPath?: string;
  /** Generated passwords by user (`credentials` output). */
  readonly credentials: Readonly<Record<string, string>>;
  /** The registry's data volume (`data_volume` output). */
  readonly dataVolume?: string;
  /** Every container the stack manages, by name (config carriers included). */
  readonly containers: readonly string[];
}

interface State {
  outputs?: Record<string, { value: unknown }>;
  resources?: { type: string; mode: string; instances: { attributes: Record<string, unknown> }[] }[];
}

/**
 * Reads a deployed stack from its local state file, `terraform.<stack>.tfstate` in `dir` (where
 * `cdktf deploy` ran). The state holds secrets: it is read, never printed.
 * @throws OpsError when there is no state for the stack, or it has no registry
 */
export function readStack(dir: string, stack: string): StackInfo {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stack)) throw new OpsError(`"${stack}" is not a stack name`);
  const file = join(dir, `terraform.${stack}.tfstate`);
  if (!existsSync(file)) {
    throw new OpsError(
      `unknown stack "${stack}": no ${file} (deploy it with cdktf first, or give --dir where it was deployed)`,
    );
  }
  let state: State;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    throw new OpsError(`${file} is not a Terraform state file`);
  }
  const out = (name: string): unknown => state.outputs?.[name]?.value;
  const registryUrl = out('registry_url');
  if (typeof registryUrl !== 'string') {
    throw new OpsError(`stack "${stack}" has no registry_url output (destroyed, or not a registry stack)`);
  }
  const str = (name: string): string | undefined =>
    typeof out(name) === 'string' ? (out(name) as string) : undefined;
  const containers = (state.resources ?? [])
    .filter((r) => r.type === 'docker_container' && r.mode === 'managed')
    .flatMap((r) => r.instances.map((i) => i.attributes.name))
    .filter((n): n is string => typeof n === 'string')
    .sort();
  const ca = str('ca_certificate');
  const caTrustPath = str('ca_trust_path');
  const dataVolume = str('data_volume');
  return {
    stack,
    registryUrl,
    ...(ca !== undefined ? { ca } : {}),
    ...(caTrustPath !== undefined ? { caTrustPath } : {}),
    credentials: (out('credentials') as Record<string, string> | undefined) ?? {},
    ...(dataVolume !== undefined ? { dataVolume } : {}),
    containers,
  };
}

/** The password of `user` from the stack's credentials (the first user when none is named). */
export function credentialsOf(info: StackInfo, user?: string): { username: string; password: string } {
  const users = Object.keys(info.credentials);
  const name = user ?? (users.includes('admin') ? 'admin' : users[0]);
  const password = name !== undefined ? info.credentials[name] : undefined;
  if (name === undefined || password === undefined) {
    throw new OpsError(
      `stack "${info.stack}" has no generated password for ${user ?? 'any user'} (users: ${users.join(', ') || 'none'})`,
    );
  }
  return { username: name, password };
}
