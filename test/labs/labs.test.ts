/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Testing } from 'cdktf';
import { resolveClassLabs } from '../../lib/model/patterns/labs';
import { LabsStack, labStacks } from '../../stacks/labs';
import { thrown } from '../helpers/errors';
import { TfJson } from '../helpers/synth';

const STUDENTS = ['ana', 'ben', 'cy'];

const containers = (tf: TfJson): any[] => Object.values(tf.resource.docker_container ?? {});
const published = (tf: TfJson): number[] =>
  containers(tf)
    .flatMap((c) => (c.ports ?? []) as { external: number }[])
    .map((p) => p.external)
    .sort((a, b) => a - b);

describe('resolveClassLabs: the port blocks', () => {
  test('defaults: a secure registry and UI per student, two ports each from 20000, in order', () => {
    const p = resolveClassLabs('class', { students: STUDENTS }, 'class');
    expect(p.portsPerLab).toBe(2);
    expect(p.labs.map((l) => [l.student, l.prefix, l.auth, l.props.port, l.props.uiPort])).toEqual([
      ['ana', 'class-ana', 'htpasswd', 20000, 20001],
      ['ben', 'class-ben', 'htpasswd', 20002, 20003],
      ['cy', 'class-cy', 'htpasswd', 20004, 20005],
    ]);
    expect(p.labs[0]!.props.users).toEqual([{ name: 'ana' }]);
    expect(p.mirror).toBeUndefined();
  });

  test('token auth, monitoring and a mirror: the mirror at `from`, then five ports per lab', () => {
    const p = resolveClassLabs(
      'class',
      {
        students: ['ana', 'ben'],
        components: { auth: 'token', monitoring: {} },
        portRange: { from: 30000, to: 30010 },
        mirror: {},
      },
      'class',
    );
    expect(p.mirror).toMatchObject({
      namePrefix: 'class-mirror',
      port: 30000,
      users: [{ name: 'ana' }, { name: 'ben' }],
    });
    const ben = p.labs[1]!;
    expect(ben.auth).toBe('token');
    expect(ben.props).toMatchObject({
      port: 30006,
      uiPort: 30007,
      tokenPort: 30008,
      monitoring: { prometheusPort: 30009, grafanaPort: 30010 },
      users: [{ name: 'ben', roles: ['admin'] }],
    });
  });

  test('portsPerLab keeps room: blocks start at multiples of it', () => {
    const p = resolveClassLabs('class', { students: ['ana', 'ben'], portsPerLab: 10 }, 'class');
    expect(p.labs.map((l) => l.props.port)).toEqual([20000, 20010]);
  });

  test.each([
    [{ students: [] }, 'class.students', 'at least one student'],
    [{ students: ['Ana'] }, 'class.students[0]', 'lowercase'],
    [{ students: ['ana', 'ben', 'ana'] }, 'class.students[2]', 'students[0]'],
    [{ students: ['mirror'], mirror: {} }, 'class.students[0]', 'the shared mirror'],
    [{ students: ['ana'], portsPerLab: 1 }, 'class.portsPerLab', '2'],
    [{ students: ['ana'], components: { auth: 'ldap' } }, 'class.components.auth', 'htpasswd'],
    [{ students: ['ana'], portRange: { from: 80, to: 90 } }, 'class.portRange.from', '1024'],
    [{ students: ['ana'], portRange: { from: 20000, to: 19999 } }, 'class.portRange.to', '20000'],
  ])('%j is refused, naming %s', (props, where, allowed) => {
    const e = thrown(() => resolveClassLabs('class', props as never, 'class'));
    expect(e.message).toContain(where);
    expect(e.message).toContain(allowed);
  });

  test('a range too small says how many ports the class needs and how many it has', () => {
    const e = thrown(() =>
      resolveClassLabs(
        'class',
        { students: STUDENTS, portRange: { from: 20000, to: 20005 }, mirror: {} },
        'class',
      ),
    );
    expect(e.message).toBe(
      'class.portRange: got {"from":20000,"to":20005}; allowed: a range of at least 7 ports (3 labs × 2 ports + 1 for the mirror); 20000-20005 has 6',
    );
  });
});

describe('LabsStack: every lab in one stack', () => {
  const text = Testing.synth(new LabsStack(Testing.app(), 'class', { students: STUDENTS, mirror: {} }));
  const tf = JSON.parse(text) as TfJson;

  test('each lab is its own platform: network, registry, UI; the mirror beside them', () => {
    expect(
      Object.values(tf.resource.docker_network ?? {})
        .map((n: any) => n.name)
        .sort(),
    ).toEqual(['class-ana-net', 'class-ben-net', 'class-cy-net', 'class-mirror-net']);
    const services = containers(tf)
      .map((c) => c.name as string)
      .filter((n) => !n.endsWith('-config'))
      .sort();
    expect(services).toEqual([
      'class-ana-registry',
      'class-ana-ui',
      'class-ben-registry',
      'class-ben-ui',
      'class-cy-registry',
      'class-cy-ui',
      'class-mirror-mirror',
    ]);
  });

  test('every published port is distinct, inside the range, on 127.0.0.1', () => {
    expect(published(tf)).toEqual([20000, 20001, 20002, 20003, 20004, 20005, 20006]);
    for (const c of containers(tf)) for (const p of c.ports ?? []) expect(p.ip).toBe('127.0.0.1');
  });

  test("each student's output is sensitive and holds their own password reference", () => {
    const out = tf.output!;
    for (const s of STUDENTS) {
      const o = out[`student_${s}`]!;
      expect(o.sensitive).toBe(true);
      const v = o.value as any;
      expect(v.user).toBe(s);
      expect(v.password).toMatch(
        new RegExp(`^\\$\\{random_password\\.[^}]*lab-${s}_users_password-${s}_[^}]*\\.result\\}$`),
      );
      expect(v.mirror.password).toMatch(
        new RegExp(`^\\$\\{random_password\\.[^}]*mirror_users_password-${s}_[^}]*\\.result\\}$`),
      );
    }
    expect(out.registry_urls!.value).toEqual({
      ana: 'https://localhost:20001',
      ben: 'https://localhost:20003',
      cy: 'https://localhost:20005',
    });
    expect(out.mirror_url!.value).toBe('https://localhost:20000');
  });

  test('synthesizing twice gives the same JSON', () => {
    expect(Testing.synth(new LabsStack(Testing.app(), 'class', { students: STUDENTS, mirror: {} }))).toBe(
      text,
    );
  });
});

describe('labStacks: a stack per lab', () => {
  const app = Testing.app();
  const made = labStacks(app, 'class', { students: STUDENTS, mirror: {} });
  const synth = (s: Parameters<typeof Testing.synth>[0]): TfJson => JSON.parse(Testing.synth(s)) as TfJson;

  test('one stack per student and one for the mirror, each with its own state', () => {
    expect(Object.keys(made.labs)).toEqual(STUDENTS);
    expect(made.mirror?.node.id).toBe('class-mirror');
    expect(made.labs.ben!.node.id).toBe('class-ben');
  });

  test('each lab stack holds exactly its lab: the same containers and ports as in the one-stack class', () => {
    const one = synth(new LabsStack(Testing.app(), 'class', { students: STUDENTS, mirror: {} }));
    const shape = (tf: TfJson, prefix: string): unknown[] =>
      containers(tf)
        .filter((c) => (c.name as string).startsWith(`${prefix}-`))
        .map((c) => ({ name: c.name, ports: c.ports, read_only: c.read_only }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    for (const s of STUDENTS) {
      const alone = synth(made.labs[s]!);
      expect(containers(alone).every((c) => (c.name as string).startsWith(`class-${s}-`))).toBe(true);
      expect(shape(alone, `class-${s}`)).toEqual(shape(one, `class-${s}`));
      expect(alone.output!.credentials!.sensitive).toBe(true);
    }
    expect(shape(synth(made.mirror!), 'class-mirror')).toEqual(shape(one, 'class-mirror'));
  });
});
