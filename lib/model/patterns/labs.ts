import { checkInt, checkList, checkOneOf, checkSpec } from '../checks';
import { SpecError } from '../errors';
import { SecretRef } from '../secret';
import { MonitoringSpec, resolveMonitoring } from '../monitoring';
import { PatternBaseProps, resolveHostname, resolvePatternBase } from './common';
import { MirrorRegistryProps, resolveMirrorRegistry } from './mirror';
import { resolveSecureRegistry, SecureRegistryProps } from './secure';
import { resolveTokenRegistry, TokenRegistryProps } from './token';

/** What each lab of a class has. */
export interface LabComponents {
  /** How students log in: htpasswd (the student is the registry's one user) or token auth (the student has the `admin` role). @default 'htpasswd' */
  readonly auth?: 'htpasswd' | 'token';
  /** The Joxit UI. @default true */
  readonly ui?: boolean;
  /** Prometheus, Alertmanager and node-exporter per lab (Grafana too unless `monitoring.grafana` is false). @default none */
  readonly monitoring?: MonitoringSpec;
}

/** A block of host ports the labs are allocated from. */
export interface PortRange {
  /** First port (the shared mirror's, when there is one). */
  readonly from: number;
  /** Last port, included. */
  readonly to: number;
}

/** The pull-through mirror the labs share, so N labs do not pull the same base images N times. */
export interface SharedMirrorProps {
  /** The upstream registry. @default 'https://registry-1.docker.io' */
  readonly remoteUrl?: string;
  /** Upstream user name. @default anonymous */
  readonly remoteUsername?: string;
  /** Upstream password (a secret reference). */
  readonly remotePassword?: SecretRef;
  /** An existing network through which the mirror reaches `remoteUrl`. @default none */
  readonly remoteNetwork?: string;
}

/** Props of the labs pattern: one lab per student, all alike, each isolated from the others. */
export interface ClassLabsProps extends PatternBaseProps {
  /** The students, one lab each: 1 to 20 lowercase letters, digits and `-`, unique. */
  readonly students: readonly string[];
  /** What each lab has. @default a secure registry (htpasswd) with the UI */
  readonly components?: LabComponents;
  /** The host ports labs are allocated from, in blocks, on the bind address. @default 20000 to 29999 */
  readonly portRange?: PortRange;
  /** Ports reserved per lab (room to add components later without moving every lab). @default what the components need */
  readonly portsPerLab?: number;
  /** Hostname students use (in every lab's certificate). @default 'localhost' */
  readonly hostname?: string;
  /** A pull-through mirror every student may pull through, at the first port of the range. @default none */
  readonly mirror?: SharedMirrorProps;
}

/** One student's lab, as props of the pattern it is. */
export type ResolvedLab =
  | {
      readonly student: string;
      readonly prefix: string;
      readonly auth: 'htpasswd';
      readonly props: SecureRegistryProps;
    }
  | {
      readonly student: string;
      readonly prefix: string;
      readonly auth: 'token';
      readonly props: TokenRegistryProps;
    };

/** {@link ClassLabsProps} validated: the class prefix, each lab's props, and the mirror's. */
export interface ResolvedClassLabs {
  /** The class's name prefix. */
  readonly prefix: string;
  /** The labs, in the students' order. */
  readonly labs: readonly ResolvedLab[];
  /** The shared mirror's props, when asked for. */
  readonly mirror?: MirrorRegistryProps;
  /** Ports per lab. */
  readonly portsPerLab: number;
  /** The range. */
  readonly portRange: PortRange;
}

/**
 * Validates the labs pattern's props and allocates the ports: the mirror (if any) at `from`,
 * then one block of `portsPerLab` ports per student in order: registry, UI, token server,
 * Prometheus, Grafana (those the components have). Every error names `<path>.<prop>`.
 */
export function resolveClassLabs(
  path: string,
  given: ClassLabsProps,
  defaultPrefix: string,
): ResolvedClassLabs {
  const props = checkSpec(path, given) as ClassLabsProps;
  const base = resolvePatternBase(path, props, defaultPrefix);
  const students = checkList(`${path}.students`, props.students, (p, v) => {
    if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9-]{0,19}$/.test(v)) {
      throw new SpecError(
        p,
        v,
        'allowed: 1 to 20 lowercase letters, digits and "-", starting with a letter or digit',
      );
    }
    return v;
  });
  if (students.length === 0) throw new SpecError(`${path}.students`, [], 'allowed: at least one student');
  students.forEach((s, i) => {
    const first = students.indexOf(s);
    if (first !== i)
      throw new SpecError(
        `${path}.students[${i}]`,
        s,
        `allowed: a name not already given (students[${first}])`,
      );
  });
  const mirrorAt = students.indexOf('mirror');
  if (props.mirror !== undefined && mirrorAt >= 0) {
    throw new SpecError(
      `${path}.students[${mirrorAt}]`,
      'mirror',
      'allowed: any other name (the shared mirror is named "<prefix>-mirror")',
    );
  }
  for (const s of students) {
    if (`${base.prefix}-${s}`.length > 40) {
      throw new SpecError(
        `${path}.students`,
        s,
        `allowed: a name that keeps "${base.prefix}-<student>" within 40 characters (the Docker name prefix of that lab)`,
      );
    }
  }
  const c = (checkSpec(`${path}.components`, props.components) ?? {}) as LabComponents;
  const auth = checkOneOf(`${path}.components.auth`, c.auth ?? 'htpasswd', ['htpasswd', 'token'] as const);
  const ui = c.ui ?? true;
  if (typeof ui !== 'boolean') throw new SpecError(`${path}.components.ui`, ui, 'allowed: true or false');
  const monitoringSpec =
    c.monitoring !== undefined ? resolveMonitoring(`${path}.components.monitoring`, c.monitoring) : undefined;
  const grafana = monitoringSpec?.grafana === true;
  const hostname =
    props.hostname !== undefined ? resolveHostname(`${path}.hostname`, props.hostname) : undefined;
  const roles = ['registry', ...(ui ? ['ui'] : []), ...(auth === 'token' ? ['token'] : [])];
  const needed = roles.length + (c.monitoring !== undefined ? 1 : 0) + (grafana ? 1 : 0);
  const portsPerLab = checkInt(`${path}.portsPerLab`, props.portsPerLab ?? needed, needed, 100);
  const range = (checkSpec(`${path}.portRange`, props.portRange) ?? {}) as Partial<PortRange>;
  const from = checkInt(`${path}.portRange.from`, range.from ?? 20000, 1024, 65535);
  const to = checkInt(`${path}.portRange.to`, range.to ?? 29999, from, 65535);
  const mirrorPorts = props.mirror !== undefined ? 1 : 0;
  const total = mirrorPorts + students.length * portsPerLab;
  if (total > to - from + 1) {
    throw new SpecError(
      `${path}.portRange`,
      { from, to },
      `allowed: a range of at least ${total} ports (${students.length} labs × ${portsPerLab} ports` +
        `${mirrorPorts ? ' + 1 for the mirror' : ''}); ${from}-${to} has ${to - from + 1}`,
    );
  }
  const labs = students.map((student, i): ResolvedLab => {
    const first = from + mirrorPorts + i * portsPerLab;
    let next = first;
    const take = (): number => next++;
    const registryPort = take();
    const uiPort = ui ? take() : undefined;
    const tokenPort = auth === 'token' ? take() : undefined;
    const monitoring =
      c.monitoring !== undefined
        ? { ...c.monitoring, prometheusPort: take(), ...(grafana ? { grafanaPort: take() } : {}) }
        : undefined;
    const prefix = `${base.prefix}-${student}`;
    const common = {
      namePrefix: prefix,
      bindAddress: base.bindAddress,
      registryVersion: base.dialect.version,
      ...(base.registryImage !== undefined ? { registryImage: base.registryImage } : {}),
      ...(hostname !== undefined ? { hostname } : {}),
      port: registryPort,
      ui,
      ...(uiPort !== undefined ? { uiPort } : {}),
      ...(monitoring !== undefined ? { monitoring } : {}),
    };
    return auth === 'token'
      ? {
          student,
          prefix,
          auth,
          props: {
            ...common,
            tokenPort: tokenPort ?? registryPort,
            users: [{ name: student, roles: ['admin'] }],
          },
        }
      : { student, prefix, auth, props: { ...common, users: [{ name: student }] } };
  });
  // Each lab's and the mirror's props go through their own pattern's checks here, so that a
  // mistake surfaces under the prop the user set, not when the stack is built.
  for (const lab of labs) {
    const labPath = `${path}.students[${students.indexOf(lab.student)}]`;
    if (lab.auth === 'token') resolveTokenRegistry(labPath, lab.props, lab.prefix);
    else resolveSecureRegistry(labPath, lab.props, lab.prefix);
  }
  let mirror: MirrorRegistryProps | undefined;
  if (props.mirror !== undefined) {
    const given = checkSpec(`${path}.mirror`, props.mirror) as SharedMirrorProps;
    mirror = {
      ...given,
      namePrefix: `${base.prefix}-mirror`,
      bindAddress: base.bindAddress,
      ...(hostname !== undefined ? { hostname } : {}),
      port: from,
      users: students.map((name) => ({ name })),
    };
    resolveMirrorRegistry(`${path}.mirror`, mirror, `${base.prefix}-mirror`);
  }
  return {
    prefix: base.prefix,
    labs,
    ...(mirror !== undefined ? { mirror } : {}),
    portsPerLab,
    portRange: { from, to },
  };
}
