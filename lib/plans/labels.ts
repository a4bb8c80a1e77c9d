/** Docker labels the engine adapters set, the same for every engine (tools read some of them). */

/** The label a run-once job carries (tools that wait for a stack's services skip it). */
export const JOB_LABEL = 'org.registry-platform.job';

/**
 * The label with the ids of the containers a service reads when it starts (its config carrier,
 * nginx's upstreams): a new one of them means a new id, so the service is replaced with it.
 */
export const STARTED_WITH_LABEL = 'org.registry-platform.started-with';

/** The config volume's label: the paths of the files it holds (a new list replaces the volume). */
export const FILES_LABEL = 'org.registry-platform.files';

/** The config carrier's label: what it is. */
export const ROLE_LABEL = 'org.registry-platform.role';

/** The config carrier's label: the id of the volume it fills (a new volume replaces the carrier). */
export const VOLUME_LABEL = 'org.registry-platform.volume';

/** The value of {@link ROLE_LABEL} on the carrier of `service`. */
export function carrierRole(service: string): string {
  return `config carrier of ${service} (never started)`;
}
