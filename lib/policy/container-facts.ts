/**
 * What the hardening policy looks at in one `docker_container`, read from its Terraform
 * attributes (snake_case, as synthesized). Values that are references stay unresolved strings.
 */
export interface ContainerFacts {
  /** The container's `name` attribute. */
  readonly name: string;
  /** Whether it is ever started (a config carrier is not). */
  readonly started: boolean;
  readonly privileged: boolean;
  readonly capabilitiesDrop: readonly string[];
  readonly capabilitiesAdd: readonly string[];
  readonly securityOpts: readonly string[];
  readonly readOnly: boolean;
  /** Memory limit in MB (0: none). */
  readonly memoryMb: number;
  /** pids limit (undefined: the attribute does not exist in this provider). */
  readonly pidsLimit?: number;
  readonly networkMode?: string;
  readonly pidMode?: string;
  readonly ipcMode?: string;
  /** Host paths bind-mounted into the container. */
  readonly hostPaths: readonly string[];
  /** Published ports with the host address each is bound to ('' when none is set). */
  readonly ports: readonly { readonly external?: number; readonly ip: string }[];
  readonly hasHealthCheck: boolean;
}

type Attrs = Record<string, unknown>;

const list = (v: unknown): Attrs[] => (Array.isArray(v) ? (v as Attrs[]) : v ? [v as Attrs] : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Reads the facts from a `docker_container`'s synthesized attributes. */
export function containerFacts(attrs: Attrs): ContainerFacts {
  const caps = (list(attrs.capabilities)[0] ?? {}) as Attrs;
  const pids = attrs.pids_limit;
  return {
    name: String(attrs.name ?? ''),
    started: attrs.start !== false,
    privileged: attrs.privileged === true,
    capabilitiesDrop: strings(caps.drop),
    capabilitiesAdd: strings(caps.add),
    securityOpts: strings(attrs.security_opts),
    readOnly: attrs.read_only === true,
    memoryMb: typeof attrs.memory === 'number' ? attrs.memory : 0,
    ...(typeof pids === 'number' ? { pidsLimit: pids } : {}),
    ...(typeof attrs.network_mode === 'string' ? { networkMode: attrs.network_mode } : {}),
    ...(typeof attrs.pid_mode === 'string' ? { pidMode: attrs.pid_mode } : {}),
    ...(typeof attrs.ipc_mode === 'string' ? { ipcMode: attrs.ipc_mode } : {}),
    hostPaths: [
      ...list(attrs.volumes).map((v) => v.host_path),
      ...list(attrs.mounts)
        .filter((m) => m.type === 'bind')
        .map((m) => m.source),
    ].filter((p): p is string => typeof p === 'string'),
    ports: list(attrs.ports).map((p) => ({
      ...(typeof p.external === 'number' ? { external: p.external } : {}),
      ip: typeof p.ip === 'string' ? p.ip : '',
    })),
    hasHealthCheck: list(attrs.healthcheck).length > 0,
  };
}
