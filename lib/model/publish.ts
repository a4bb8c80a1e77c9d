import { checkIpv4, checkPort, checkSpec } from './checks';

/** How a container port is published on the Docker host. */
export interface PublishSpec {
  /** Port on the host. */
  readonly port: number;
  /**
   * Host address the port is bound to. Bind to a specific address; `0.0.0.0` exposes the service
   * on every interface of the host.
   * @default '127.0.0.1'
   */
  readonly bindAddress?: string;
}

/** A publish spec with defaults filled in. */
export type ResolvedPublish = Required<PublishSpec>;

/** Validates a published port and bind address. */
export function resolvePublish(path: string, given?: PublishSpec): ResolvedPublish {
  const spec = checkSpec(path, given) as PublishSpec;
  return {
    port: checkPort(`${path}.port`, spec.port),
    bindAddress: checkIpv4(`${path}.bindAddress`, spec.bindAddress ?? '127.0.0.1'),
  };
}
