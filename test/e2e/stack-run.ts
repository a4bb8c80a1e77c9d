/** One stack's life in the e2e: clean slate, deploy, healthy, plan, destroy, deploy again. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Skopeo } from './clients';
import {
  Cdktf,
  cleanSlate,
  containersOf,
  docker,
  isCarrier,
  objectsOf,
  OUT,
  timings,
  waitHealthy,
} from './harness';

/** Anonymous volumes no container uses (what a container removed without its volumes leaves). */
async function danglingVolumes(): Promise<string[]> {
  return (await docker(['volume', 'ls', '-q', '--filter', 'dangling=true']))
    .split('\n')
    .map((v) => v.trim())
    .filter((v) => /^[0-9a-f]{64}$/.test(v));
}

/** What the e2e knows of a stack before it deploys it. */
export interface StackCase {
  /** The stack's name in the app (also the prefix of its Docker objects). */
  readonly stack: string;
  /** How many service containers run (carriers not counted). */
  readonly services: number;
  /** Volumes that must outlive `cdktf destroy`. */
  readonly keptVolumes: readonly string[];
  /** Service containers allowed a writable root (the stated exception: the UI rewrites its files at start). */
  readonly writableRoot?: readonly string[];
}

/** A measured step, for docs/benchmarks.md. */
export interface Measure {
  readonly what: string;
  readonly seconds: number;
}

/** Drives one stack through its life on the real engine. */
export class StackRun {
  /** The cdktf CLI. */
  public readonly cdktf = new Cdktf();
  /** Outputs of the last deploy. */
  public outputs: Record<string, unknown> = {};
  /** What was measured. */
  public readonly measures: Measure[] = [];
  /** The skopeo client of the current deploy. */
  private client: Skopeo | undefined;
  /** Anonymous volumes that existed before this stack was deployed. */
  private danglingBefore = new Set<string>();

  /** Binds the run to a stack. */
  public constructor(public readonly c: StackCase) {}

  /** Removes what an interrupted run left, then synthesizes (with the lock file). */
  public async setup(): Promise<void> {
    await this.cdktf.synth();
    await cleanSlate(this.cdktf, this.c.stack);
    this.danglingBefore = new Set(await danglingVolumes());
  }

  /** Deploys, waits for every service to be healthy and checks the containers' hardening. */
  public async deploy(label: string): Promise<void> {
    const started = Date.now();
    this.outputs = await this.cdktf.deploy(this.c.stack, `${this.c.stack}-${label}`);
    const deployed = (Date.now() - started) / 1000;
    const waited = (await waitHealthy(this.c.stack, this.c.services)) / 1000;
    this.measure(`${label}: cdktf deploy to all healthy`, deployed + waited);
    const writable = new Set(this.c.writableRoot ?? []);
    for (const c of await containersOf(this.c.stack)) {
      if (isCarrier(c)) continue;
      if (c.readOnlyRoot === writable.has(c.name)) {
        throw new Error(`${c.name}: read-only root is ${c.readOnlyRoot}, expected ${!writable.has(c.name)}`);
      }
    }
  }

  /** The plan right after a deploy must be empty. */
  public async expectNoChanges(label: string): Promise<void> {
    const started = Date.now();
    await this.cdktf.expectNoChanges(this.c.stack, `${this.c.stack}-${label}`);
    this.measure(`${label}: cdktf diff (no changes)`, (Date.now() - started) / 1000);
  }

  /** Destroys, then checks that no container or network is left and only the kept volumes are. */
  public async destroy(label: string): Promise<void> {
    const started = Date.now();
    await this.cdktf.destroy(this.c.stack, `${this.c.stack}-${label}`);
    this.measure(`${label}: cdktf destroy`, (Date.now() - started) / 1000);
    const left = {
      containers: (await containersOf(this.c.stack)).map((c) => c.name),
      networks: await objectsOf('network', this.c.stack),
      volumes: await objectsOf('volume', this.c.stack),
    };
    const leaked = (await danglingVolumes()).filter((v) => !this.danglingBefore.has(v));
    if (leaked.length > 0) throw new Error(`destroy left anonymous volumes behind: ${leaked.join(', ')}`);
    const want = { containers: [], networks: [], volumes: [...this.c.keptVolumes].sort() };
    if (JSON.stringify(left) !== JSON.stringify(want)) {
      throw new Error(`after destroy: ${JSON.stringify(left)}; expected ${JSON.stringify(want)}`);
    }
  }

  /** A string output of the last deploy. */
  public output(name: string): string {
    const v = this.outputs[name];
    if (typeof v !== 'string') throw new Error(`output ${name} is ${JSON.stringify(v)}`);
    return v;
  }

  /** A generated password from the `credentials` output. */
  public password(user: string): string {
    const creds = this.outputs.credentials as Record<string, string> | undefined;
    const p = creds?.[user];
    if (typeof p !== 'string' || p.length < 24) throw new Error(`no generated password for ${user}`);
    return p;
  }

  /**
   * skopeo against this deploy's registry at `host` with its CA and a generated user (a new
   * client after every deploy: a destroy and a deploy make a new CA and new passwords).
   */
  public skopeo(host: string, user: string): Skopeo {
    this.client?.close();
    this.client = new Skopeo({
      host,
      ca: this.output('ca_certificate'),
      user,
      password: this.password(user),
    });
    return this.client;
  }

  /** Records a measure. */
  public measure(what: string, seconds: number): void {
    this.measures.push({ what, seconds: Math.round(seconds * 10) / 10 });
  }

  /** Destroys what is left (kept volumes too) and saves the measures and cdktf timings. */
  public async teardown(): Promise<void> {
    this.client?.close();
    try {
      await cleanSlate(this.cdktf, this.c.stack);
    } finally {
      writeFileSync(
        join(OUT, `measures-${this.c.stack}.json`),
        JSON.stringify({ measures: this.measures, cdktf: timings }, null, 2),
      );
    }
  }
}
