// The labs app `npm run bench` times: N labs (a secure registry and its UI each) synthesized into
// $CDKTF_OUTDIR, built one of three ways:
//   stacks  a stack per lab (labStacks), what the e2e deploys;
//   one     every lab in one stack (LabsStack);
//   floor   the same resources, a stack per lab, written as raw Terraform resources (no provider
//           classes, no library: what cdktf itself costs for them), from one lab synthesized once;
//   provider-floor  the same, each resource an instance of its provider class given the whole
//           config from that one lab (the bare provider resources a user would write by hand:
//           their constructors, setters and attribute mapping run).
//
//   node dist/scripts/bench-labs.js stacks|one|floor|provider-floor N
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { CertRequest } from '@cdktf/provider-tls/lib/cert-request';
import { LocallySignedCert } from '@cdktf/provider-tls/lib/locally-signed-cert';
import { PrivateKey } from '@cdktf/provider-tls/lib/private-key';
import { TlsProvider } from '@cdktf/provider-tls/lib/provider';
import { SelfSignedCert } from '@cdktf/provider-tls/lib/self-signed-cert';
import { LabsStack, labStacks } from '../stacks/labs';

const [mode, count] = [process.argv[2], Number(process.argv[3])];
if (
  !['stacks', 'one', 'floor', 'provider-floor'].includes(mode ?? '') ||
  !Number.isInteger(count) ||
  count < 1 ||
  count > 2000
) {
  console.error('usage: bench-labs stacks|one|floor|provider-floor N (1 to 2000)');
  process.exit(2);
}
const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
const students = Array.from({ length: count }, (_, i) => `s${i}`);
const props = { students, portRange: { from: 20000, to: 20000 + 2 * count - 1 } };

/** A resource written as its Terraform attributes, nothing else. */
class RawResource extends TerraformResource {
  private readonly attrs: Record<string, unknown>;

  public constructor(scope: Construct, id: string, type: string, attrs: Record<string, unknown>) {
    super(scope, id, { terraformResourceType: type });
    const { depends_on: dependsOn, ...rest } = attrs;
    if (Array.isArray(dependsOn)) this.dependsOn = dependsOn as string[];
    this.attrs = rest;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attrs;
  }
}

/** A provider written as its Terraform attributes and source. */
class RawProvider extends TerraformProvider {
  public constructor(
    scope: Construct,
    type: string,
    required: { source: string; version?: string },
    private readonly attrs: Record<string, unknown>,
  ) {
    super(scope, `provider-${type}`, {
      terraformResourceType: type,
      terraformProviderSource: required.source,
      terraformGeneratorMetadata: {
        providerName: type,
        ...(required.version ? { providerVersion: required.version } : {}),
      },
    });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attrs;
  }
}

type TfJson = {
  terraform: { required_providers: Record<string, { source: string; version?: string }> };
  provider: Record<string, unknown[]>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: unknown; description?: string; sensitive?: boolean }>;
};

/** The provider class of each resource type. */
const PROVIDER_CLASSES: Record<string, new (s: Construct, id: string, c: never) => TerraformResource> = {
  docker_container: Container as never,
  docker_image: Image as never,
  docker_network: Network as never,
  docker_volume: Volume as never,
  random_password: Password as never,
  tls_private_key: PrivateKey as never,
  tls_self_signed_cert: SelfSignedCert as never,
  tls_cert_request: CertRequest as never,
  tls_locally_signed_cert: LocallySignedCert as never,
};

/** `snake_case` keys as the provider classes' config spells them (`camelCase`), all the way down. */
function camelConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelConfig);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
      camelConfig(v),
    ]),
  );
}

/**
 * A provider-class instance built the way a user writes one by hand: its constructor given the
 * whole config (the attributes of the lab synthesized once, in the config's spelling; references
 * stay `${...}` strings), so the class's own setters and attribute mapping run at synth.
 */
function providerResource(scope: Construct, id: string, type: string, attrs: Record<string, unknown>): void {
  const Cls = PROVIDER_CLASSES[type];
  if (Cls === undefined) throw new Error(`no provider class for ${type}`);
  // `//` is cdktf's own metadata (the construct path), not config: cdktf writes it again.
  const rest = Object.fromEntries(Object.entries(attrs).filter(([k]) => k !== 'depends_on' && k !== '//'));
  const dependsOn = attrs.depends_on;
  const r = new Cls(scope, id, camelConfig(rest) as never);
  if (Array.isArray(dependsOn)) r.dependsOn = dependsOn as string[];
}

if (mode === 'floor' || mode === 'provider-floor') {
  // One lab as the library writes it, synthesized once; then N stacks of raw resources.
  const tmp = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const tplApp = new App({ outdir: tmp });
  labStacks(tplApp, 'bench', { students: ['tpl'], portRange: { from: 20000, to: 20001 } });
  tplApp.synth();
  const template = readFileSync(join(tmp, 'stacks', 'bench-tpl', 'cdk.tf.json'), 'utf8');
  rmSync(tmp, { recursive: true, force: true });
  const app = new App({ outdir });
  students.forEach((s, i) => {
    const tf = JSON.parse(
      template
        .replaceAll('tpl', s)
        .replaceAll('20000', String(20000 + 2 * i))
        .replaceAll('20001', String(20001 + 2 * i)),
    ) as TfJson;
    const stack = new TerraformStack(app, `bench-${s}`);
    if (mode === 'provider-floor') {
      new DockerProvider(stack, 'provider-docker', {});
      new TlsProvider(stack, 'provider-tls');
      new RandomProvider(stack, 'provider-random');
      for (const [type, byName] of Object.entries(tf.resource)) {
        for (const [name, attrs] of Object.entries(byName)) providerResource(stack, name, type, attrs);
      }
    } else {
      for (const [type, providers] of Object.entries(tf.provider)) {
        const required = tf.terraform.required_providers[type];
        if (required === undefined) throw new Error(`no required_providers entry for ${type}`);
        new RawProvider(stack, type, required, (providers[0] ?? {}) as Record<string, unknown>);
      }
      for (const [type, byName] of Object.entries(tf.resource)) {
        for (const [name, attrs] of Object.entries(byName)) new RawResource(stack, name, type, attrs);
      }
    }
    for (const [name, o] of Object.entries(tf.output)) new TerraformOutput(stack, name, o);
  });
  app.synth();
} else {
  const app = new App({ outdir });
  if (mode === 'one') new LabsStack(app, 'bench', props);
  else labStacks(app, 'bench', props);
  app.synth();
}
