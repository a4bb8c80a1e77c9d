/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON and recorded inputs are walked freely */
/**
 * Health check timing: one setting for a whole app (cdktf context) or stack (Pulumi config),
 * validated with errors that name the key, written as the engine reads it back.
 */
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdktf';
import {
  formatGoDuration,
  HEALTHCHECK_CONTEXT_KEY,
  resolveHealthcheckTiming,
  SpecError,
} from '../../lib/model';
import * as pl from '../../lib/pulumi';
import { BasicStack } from '../../stacks/basic';
import { thrown } from '../helpers/errors';
import { plain, runMocked } from '../helpers/pulumi-mocks';

describe('resolveHealthcheckTiming', () => {
  test('the default is a check every 10 s and no start interval', () => {
    expect(resolveHealthcheckTiming('k')).toEqual({ interval: '10s' });
    expect(resolveHealthcheckTiming('k', {})).toEqual({ interval: '10s' });
    expect(resolveHealthcheckTiming('k', { interval: '2s', startInterval: '500ms' })).toEqual({
      interval: '2s',
      startInterval: '500ms',
    });
  });

  test.each([
    [{ interval: '90s' }, 'k.interval', '"90s"', 'as Go prints it, "1m30s"'],
    [{ interval: '0.5s' }, 'k.interval', '"0.5s"', 'from 1s to 1h'],
    [{ interval: '2h' }, 'k.interval', '"2h"', 'from 1s to 1h'],
    [{ interval: 10 }, 'k.interval', '10', 'a Go duration'],
    [{ interval: '2s', startInterval: '5s' }, 'k.startInterval', '"5s"', 'from 100ms to the interval (2s)'],
    [{ startInterval: '10ms' }, 'k.startInterval', '"10ms"', 'from 100ms'],
    [{ startInterval: '1000ms' }, 'k.startInterval', '"1000ms"', 'as Go prints it, "1s"'],
  ])('%j is refused, naming %s and the value', (given, path, shown, allowed) => {
    const e = thrown(() => resolveHealthcheckTiming('k', given as never));
    expect(e).toBeInstanceOf(SpecError);
    expect(e.message).toContain(`${path}: got ${shown}`);
    expect(e.message).toContain(allowed);
  });

  test('unknown keys are refused by name', () => {
    expect(thrown(() => resolveHealthcheckTiming('k', { every: '2s' } as never)).message).toMatch(/k\.every/);
  });

  test('formatGoDuration prints as Go does (the property test compares it with Go on 2000 inputs)', () => {
    expect(
      [0n, 1500n, 1_500_000n, 1_000_000_000n, 90_000_000_000n, 3_600_000_000_000n, 5_400_500_000_000n].map(
        formatGoDuration,
      ),
    ).toEqual(['0s', '1.5µs', '1.5ms', '1s', '1m30s', '1h0m0s', '1h30m0.5s']);
  });
});

describe('cdktf: the context key sets every container health check below it', () => {
  const containers = (context: Record<string, unknown>): Record<string, any>[] => {
    const app = Testing.app({ context });
    const stack = new BasicStack(app, 'basic');
    return Object.values(JSON.parse(Testing.synth(stack)).resource.docker_container as Record<string, any>);
  };

  test('unset: every check every 10 s, no start_interval', () => {
    const checks = containers({}).flatMap((c) => (c.healthcheck ? [c.healthcheck] : []));
    expect(checks.length).toBeGreaterThan(0);
    for (const h of checks) {
      expect(h.interval).toBe('10s');
      expect(h).not.toHaveProperty('start_interval');
    }
  });

  test('set: interval and start_interval on every check', () => {
    const checks = containers({
      [HEALTHCHECK_CONTEXT_KEY]: { interval: '2s', startInterval: '500ms' },
    }).flatMap((c) => (c.healthcheck ? [c.healthcheck] : []));
    expect(checks.length).toBeGreaterThan(0);
    for (const h of checks) expect(h).toMatchObject({ interval: '2s', start_interval: '500ms' });
  });

  test('a bad value names the context key', () => {
    expect(thrown(() => containers({ [HEALTHCHECK_CONTEXT_KEY]: { interval: '1m' } })).message).toContain(
      'registry-platform:healthcheck.interval: got "1m"; allowed: the duration as Go prints it, "1m0s"',
    );
  });
});

describe('Pulumi: the stack config registry-platform:healthcheck sets every container health check', () => {
  afterEach(() => pulumi.runtime.setAllConfig({}));

  test('set: interval and startInterval on the registry container', async () => {
    pulumi.runtime.setAllConfig({
      [HEALTHCHECK_CONTEXT_KEY]: JSON.stringify({ interval: '2s', startInterval: '500ms' }),
    });
    const run = await runMocked(() => new pl.BasicRegistry('lab', {}));
    const c = plain(run.mocks.containers().get('lab-registry')!.inputs) as any;
    expect(c.healthcheck).toMatchObject({ interval: '2s', startInterval: '500ms' });
  });

  test('unset: 10 s and no startInterval', async () => {
    const run = await runMocked(() => new pl.BasicRegistry('lab', {}));
    const c = plain(run.mocks.containers().get('lab-registry')!.inputs) as any;
    expect(c.healthcheck.interval).toBe('10s');
    expect(c.healthcheck.startInterval).toBeUndefined();
  });
});
