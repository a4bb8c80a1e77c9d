/**
 * Pulumi's own mock runtime (`pulumi.runtime.setMocks`): no engine, no provider plugins. Every
 * resource a program registers is recorded with its type, name, URN (whose type chain names its
 * parents) and inputs (secrets stay wrapped, so a test sees which values are secret). Generated
 * values are recognizable: `mock:<resource name>:<attribute>` (the attribute named as Terraform
 * names it), so a file that holds one can be compared with what cdktf writes there.
 */
import * as pulumi from '@pulumi/pulumi';

/** One registered resource. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** The secret wrapper the SDK serializes secrets as. */
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const SIG_KEY = '4dabf18193072939515e22adb298388d';

/** Whether a recorded input value is a secret. */
export function isSecretValue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** A recorded input value with every secret wrapper removed (deeply). */
export function plain(v: unknown): unknown {
  if (isSecretValue(v)) return plain((v as { value: unknown }).value);
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** What the providers would compute, as recognizable stand-ins. */
function outputsOf(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const mock = (attr: string): string => `mock:${name}:${attr}`;
  switch (type) {
    case 'random:index/randomPassword:RandomPassword':
      return { ...inputs, result: mock('result'), bcryptHash: mock('bcrypt_hash') };
    case 'tls:index/privateKey:PrivateKey':
      return { ...inputs, privateKeyPem: mock('private_key_pem'), publicKeyPem: mock('public_key_pem') };
    case 'tls:index/selfSignedCert:SelfSignedCert':
    case 'tls:index/locallySignedCert:LocallySignedCert':
      return { ...inputs, certPem: mock('cert_pem') };
    case 'tls:index/certRequest:CertRequest':
      return { ...inputs, certRequestPem: mock('cert_request_pem') };
    case 'docker:index/remoteImage:RemoteImage':
      return { ...inputs, imageId: mock('image_id') };
    default:
      return inputs;
  }
}

/** A mock runtime that records; `exitCodes` gives run-once containers an exit code by Docker name. */
export class RecordingMocks implements pulumi.runtime.Mocks {
  public readonly registered: Registered[] = [];

  public constructor(private readonly exitCodes: Readonly<Record<string, number>> = {}) {}

  public newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    this.registered.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs as Record<string, unknown>,
    });
    const state = outputsOf(args.type, args.name, args.inputs as Record<string, unknown>);
    const dockerName = plain(args.inputs['name']);
    if (args.type === 'docker:index/container:Container' && typeof dockerName === 'string') {
      const code = this.exitCodes[dockerName];
      if (code !== undefined) state['exitCode'] = code;
    }
    return { id: `${args.name}-id`, state };
  }

  public call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    throw new Error(`unexpected call to ${args.token}`);
  }

  /** The resources of one type. */
  public ofType(type: string): Registered[] {
    return this.registered.filter((r) => r.type === type);
  }

  /** The containers by Docker name. */
  public containers(): Map<string, Registered> {
    return new Map(
      this.ofType('docker:index/container:Container').map((c) => [plain(c.inputs['name']) as string, c]),
    );
  }
}

/**
 * Runs `program` under fresh mocks and waits until every registration has been answered.
 * Returns the recorder and what the program returned.
 */
export async function runMocked<T>(
  program: () => T,
  exitCodes: Readonly<Record<string, number>> = {},
): Promise<{
  mocks: RecordingMocks;
  result: T;
  urns: string[];
  outputsOf: (urn: string) => Record<string, unknown>;
}> {
  const mocks = new RecordingMocks(exitCodes);
  await pulumi.runtime.setMocks(mocks, 'registry-platform-test', 'test', false);
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    getRegisteredResources(): Map<string, { state: unknown }>;
  };
  const result = program();
  await pulumi.runtime.disconnect();
  const resources = monitor.getRegisteredResources();
  return {
    mocks,
    result,
    urns: [...resources.keys()].sort(),
    // A component's registered outputs (secrets still wrapped), or a resource's state.
    outputsOf: (urn) => {
      const state = resources.get(urn)?.state as { toJavaScript?: () => Record<string, unknown> } | undefined;
      if (state === undefined) throw new Error(`no resource ${urn}`);
      return typeof state.toJavaScript === 'function'
        ? state.toJavaScript()
        : (state as Record<string, unknown>);
    },
  };
}

/** The URN Pulumi gives a resource: its type chain (parents first) and its name. */
export function urn(types: readonly string[], name: string): string {
  return `urn:pulumi:test::registry-platform-test::${types.join('$')}::${name}`;
}

/** An output's value (mocks resolve every output). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((v) => {
      resolve(v);
      return v;
    }),
  );
}

/** An output's value, or its error (an apply that threw). */
export function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}
