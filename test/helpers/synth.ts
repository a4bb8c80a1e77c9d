/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { configureProviders } from '../../lib/constructs/providers';

/** The parsed cdk.tf.json of a stack. */
export type TfJson = {
  resource: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
};

/** Synthesizes a stack built by `fn` (with the providers configured) and returns the JSON text. */
export function synthWith(fn: (stack: Construct) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  configureProviders(stack);
  fn(stack);
  return Testing.synth(stack);
}

/** The only resource of a type in synthesized JSON. */
export function only(json: string, type: string): Record<string, any> {
  const all = Object.values((JSON.parse(json) as TfJson).resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}

/** Parses synthesized JSON text; already-parsed JSON is passed through. */
function parsed(json: string | TfJson): TfJson {
  return typeof json === 'string' ? (JSON.parse(json) as TfJson) : json;
}

/**
 * The Terraform resource key (`registry_container_ADE921E6`) of the one `docker_container` whose
 * `name` is given; throws when there is none or more than one. References to the container read
 * `docker_container.<key>`.
 */
export function containerKey(json: string | TfJson, name: string): string {
  const keys = Object.entries(parsed(json).resource.docker_container ?? {})
    .filter(([, c]) => c.name === name)
    .map(([k]) => k);
  if (keys.length !== 1) throw new Error(`expected one docker_container named ${name}, found ${keys.length}`);
  return keys[0]!;
}

/** The one `docker_container` whose `name` is given; throws when there is none or more than one. */
export function containerByName(json: string | TfJson, name: string): Record<string, any> {
  return parsed(json).resource.docker_container![containerKey(json, name)]!;
}

/**
 * The config carrier of a service container: the never-started `docker_container` named
 * `<serviceName>-config` that holds the service's `upload` blocks (see `deliverConfigFiles`).
 */
export function carrierOf(json: string | TfJson, serviceName: string): Record<string, any> {
  return containerByName(json, `${serviceName}-config`);
}

/** One `docker_container.upload` block. */
export interface Upload {
  readonly file: string;
  readonly content: string;
  readonly permissions: string;
}

/**
 * The files delivered to a service container: the `upload` blocks of its carrier
 * `<serviceName>-config`, in synthesized order. Throws when the carrier has none.
 */
export function uploadsOf(json: string | TfJson, serviceName: string): Upload[] {
  const upload = carrierOf(json, serviceName).upload as Upload[] | undefined;
  if (!upload?.length) throw new Error(`the carrier ${serviceName}-config has no upload blocks`);
  return upload;
}

/** The `upload` block for `file` among the files delivered to a service; throws when absent. */
export function uploadOf(json: string | TfJson, serviceName: string, file: string): Upload {
  const u = uploadsOf(json, serviceName).find((x) => x.file === file);
  if (!u) throw new Error(`no upload of ${file} to ${serviceName}`);
  return u;
}

/**
 * The containers (as `docker_container.<key>`) whose ids the service's
 * `org.registry-platform.started-with` label joins: a new one of them replaces the service.
 */
export function startedWithOf(json: string | TfJson, serviceName: string): string[] {
  const labels = (containerByName(parsed(json), serviceName).labels ?? []) as {
    label: string;
    value: string;
  }[];
  const label = labels.find((l) => l.label === 'org.registry-platform.started-with');
  if (!label) return [];
  expect(label.value).toMatch(/^\$\{join\(",", \[.*\]\)\}$/);
  return [...label.value.matchAll(/(docker_container\.[^.\s,\]]+)\.id/g)].map((m) => m[1]!);
}

/**
 * Asserts how a service container gets its config files (see `deliverConfigFiles`):
 * - the service has no `upload`, a read-only root, mounts the volume `<serviceName>-config`
 *   read-only at `configDir`, depends on its carrier and is replaced with it (its
 *   `started-with` label holds the carrier's id);
 * - the carrier `<serviceName>-config` is created from the service's image and never started, has
 *   no network, no ports, every capability dropped and no-new-privileges, mounts the same volume
 *   writable at `configDir`, and holds the upload blocks.
 */
export function expectConfigDelivery(json: string | TfJson, serviceName: string, configDir: string): void {
  const tf = parsed(json);
  const service = containerByName(tf, serviceName);
  const carrier = carrierOf(tf, serviceName);
  const carrierRef = `docker_container.${containerKey(tf, `${serviceName}-config`)}`;

  expect(service.upload).toBeUndefined();
  expect(service.read_only).toBe(true);
  const mounts = (service.volumes as any[]).filter((v) => v.container_path === configDir);
  expect(mounts).toEqual([{ volume_name: expect.any(String), container_path: configDir, read_only: true }]);
  const volumeRef = /^\$\{docker_volume\.([^.]+)\.name\}$/.exec(mounts[0].volume_name);
  expect(volumeRef).not.toBeNull();
  expect(tf.resource.docker_volume?.[volumeRef![1]!]?.name).toBe(`${serviceName}-config`);
  expect(service.depends_on).toContain(carrierRef);
  expect(startedWithOf(tf, serviceName)).toContain(carrierRef);
  expect(service.lifecycle).toBeUndefined();

  expect(carrier).toMatchObject({
    image: service.image,
    start: false,
    must_run: false,
    restart: 'no',
    network_mode: 'none',
    capabilities: { drop: ['ALL'] },
  });
  expect(carrier.capabilities.add).toBeUndefined();
  expect(carrier.ports).toBeUndefined();
  expect(carrier.networks_advanced).toBeUndefined();
  expect(carrier.security_opts).toContain('no-new-privileges:true');
  expect(carrier.volumes).toEqual([{ volume_name: mounts[0].volume_name, container_path: configDir }]);
  expect(uploadsOf(tf, serviceName).every((u) => u.file.startsWith(`${configDir}/`))).toBe(true);
}

/** `type.name` of every resource, sorted: Terraform addresses are public API, a change replaces real resources. */
export function addresses(tf: TfJson): string[] {
  return Object.entries(tf.resource)
    .flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))
    .sort();
}
