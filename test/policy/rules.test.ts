import { ContainerFacts, evaluateContainer, HARDENING_RULES, violations } from '../../lib/policy';

/** A container that passes every rule. */
const GOOD: ContainerFacts = {
  name: 'svc',
  started: true,
  privileged: false,
  capabilitiesDrop: ['ALL'],
  capabilitiesAdd: ['CAP_SETUID'],
  securityOpts: ['no-new-privileges:true'],
  readOnly: true,
  memoryMb: 256,
  hostPaths: [],
  ports: [{ external: 5000, ip: '127.0.0.1' }],
  hasHealthCheck: true,
};

const BAD: [string, Partial<ContainerFacts>, RegExp][] = [
  ['RP-5.3', { capabilitiesDrop: ['NET_RAW'] }, /not \["ALL"\]/],
  ['RP-5.3', { capabilitiesAdd: ['CAP_SYS_ADMIN'] }, /SYS_ADMIN/],
  ['RP-5.4', { privileged: true }, /privileged = true/],
  ['RP-5.9', { networkMode: 'host' }, /network_mode = "host"/],
  ['RP-5.9', { pidMode: 'host', ipcMode: 'host' }, /pid_mode, ipc_mode/],
  ['RP-5.10', { memoryMb: 0 }, /no memory limit/],
  ['RP-5.12', { readOnly: false }, /read_only/],
  ['RP-5.13', { ports: [{ external: 80, ip: '' }] }, /80 published on every interface/],
  ['RP-5.13', { ports: [{ external: 80, ip: '0.0.0.0' }] }, /every interface/],
  ['RP-5.25', { securityOpts: [] }, /no-new-privileges/],
  ['RP-5.26', { hasHealthCheck: false }, /no healthcheck/],
  ['RP-5.28', { pidsLimit: 0 }, /pids_limit is 0/],
  ['RP-5.31', { hostPaths: ['/var/run/docker.sock'] }, /docker\.sock/],
];

describe('hardening rules', () => {
  test('a hardened container is compliant with every rule (pids: not applicable with this provider)', () => {
    const findings = evaluateContainer(GOOD);
    expect(violations(findings)).toEqual([]);
    expect(findings.filter((f) => f.result.status === 'not-applicable').map((f) => f.rule.id)).toEqual([
      'RP-5.28',
    ]);
    expect(HARDENING_RULES.map((r) => r.id)).toEqual([
      'RP-5.3',
      'RP-5.4',
      'RP-5.9',
      'RP-5.10',
      'RP-5.12',
      'RP-5.13',
      'RP-5.25',
      'RP-5.26',
      'RP-5.28',
      'RP-5.31',
    ]);
  });

  test.each(BAD)('%s fails on %j', (id, change, finding) => {
    const broken = violations(evaluateContainer({ ...GOOD, ...change }));
    expect(broken.map((f) => f.rule.id)).toEqual([id]);
    const result = broken[0]!.result;
    expect(result.status === 'non-compliant' && result.finding).toMatch(finding);
  });

  test('a never-started container (config carrier) is not checked for runtime rules', () => {
    const carrier = { ...GOOD, started: false, readOnly: false, memoryMb: 0, hasHealthCheck: false };
    expect(violations(evaluateContainer(carrier))).toEqual([]);
  });

  test('a suppression with its reason covers exactly its rule', () => {
    const writable = { ...GOOD, readOnly: false, memoryMb: 0 };
    const findings = evaluateContainer(writable, [
      { rule: 'RP-5.12', reason: 'the start script rewrites files' },
    ]);
    expect(violations(findings).map((f) => f.rule.id)).toEqual(['RP-5.10']);
    expect(findings.find((f) => f.rule.id === 'RP-5.12')!.suppressedBy!.reason).toMatch(/start script/);
  });
});
