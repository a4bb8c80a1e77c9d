import { tmpdir } from 'node:os';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Container } from '@cdktf/provider-docker/lib/container';
import {
  configureProviders,
  HardeningPolicyError,
  hardeningFindings,
  suppressHardeningRule,
} from '../../lib';
import { buildApp, DEFAULT_STACKS } from '../../stacks';

/** A stack with the policy and one container `props` describes; resolves to the synth's error. */
function synthContainer(props: Record<string, unknown>, suppress?: (c: Container) => void): unknown {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'policy');
  configureProviders(stack);
  const c = new Container(stack, 'bad', { name: 'bad', image: 'img', ...props });
  try {
    suppress?.(c);
    Testing.synth(stack);
    return undefined;
  } catch (e) {
    return e;
  }
}

const HARDENED = {
  readOnly: true,
  memory: 64,
  memorySwap: 64,
  capabilities: { drop: ['ALL'] },
  securityOpts: ['no-new-privileges:true'],
  healthcheck: { test: ['CMD', 'true'] },
};

describe('the hardening policy at synth', () => {
  test('a hardened container synthesizes', () => {
    expect(synthContainer(HARDENED)).toBeUndefined();
  });

  test('a privileged container with a published port on every interface fails the synth with both rule ids', () => {
    const e = synthContainer({ ...HARDENED, privileged: true, ports: [{ internal: 80, external: 8080 }] });
    expect(e).toBeInstanceOf(HardeningPolicyError);
    expect((e as HardeningPolicyError).rules).toEqual(['RP-5.4', 'RP-5.13']);
    expect((e as Error).message).toMatch(/docker_container "bad" \(policy\/bad\) breaks RP-5\.4 .*RP-5\.13/);
    expect((e as Error).message).toMatch(/suppressHardeningRule\(container, RULE, REASON\)/);
  });

  test('a default container (no hardening at all) breaks every runtime rule', () => {
    expect((synthContainer({}) as HardeningPolicyError).rules).toEqual([
      'RP-5.3',
      'RP-5.10',
      'RP-5.12',
      'RP-5.25',
      'RP-5.26',
    ]);
  });

  test('a suppression needs a known rule and a reason; with one, the rule no longer fails', () => {
    const writable = { ...HARDENED, readOnly: false };
    expect((synthContainer(writable) as HardeningPolicyError).rules).toEqual(['RP-5.12']);
    expect(
      synthContainer(writable, (c) => suppressHardeningRule(c, 'RP-5.12', 'the image rewrites its files')),
    ).toBeUndefined();
    expect(synthContainer(writable, (c) => suppressHardeningRule(c, 'RP-5.12', 'needed'))).toMatchObject({
      message: expect.stringMatching(/suppression\.reason: got "needed"; a suppression needs a reason/),
    });
    expect(
      synthContainer(writable, (c) => suppressHardeningRule(c, 'CIS-1', 'a long enough reason here')),
    ).toMatchObject({
      message: expect.stringMatching(/suppression\.rule: got "CIS-1"; allowed: RP-5\.3/),
    });
  });

  test('every default stack passes with 0 violations; the only suppressions are the stated ones', () => {
    const app = buildApp({ outdir: tmpdir() });
    const suppressed: string[] = [];
    let containers = 0;
    for (const id of DEFAULT_STACKS) {
      const stack = app.node.findChild(id);
      Testing.synth(stack as never); // throws on a violation
      for (const node of stack.node.findAll()) {
        if (!(node instanceof TerraformResource) || node.terraformResourceType !== 'docker_container')
          continue;
        containers += 1;
        const { name, findings } = hardeningFindings(node);
        expect(findings.filter((f) => f.result.status === 'non-compliant' && !f.suppressedBy)).toEqual([]);
        for (const f of findings.filter((x) => x.suppressedBy)) suppressed.push(`${name} ${f.rule.id}`);
      }
    }
    expect(containers).toBeGreaterThan(20);
    // The UI rewrites its files at start (RP-5.12); the migration job runs once, its exit code checked (RP-5.26).
    expect(suppressed.sort()).toEqual([
      'ha-ui RP-5.12',
      'labs-student1-ui RP-5.12',
      'labs-student2-ui RP-5.12',
      'secure-ui RP-5.12',
      'token-ui RP-5.12',
      'trust-notary-migrate RP-5.26',
      'trust-ui RP-5.12',
    ]);
  });
});
