import { Fn, Token } from './cdktf';
import { Container } from './providers';

/** The label {@link startedWith} sets. */
export const STARTED_WITH_LABEL = 'org.registry-platform.started-with';

/**
 * A label that ties a container to containers it read at start: the ids of its config carrier
 * (the files in its config volume) or of the upstreams whose addresses nginx resolved.
 *
 * Every `docker_container` argument forces a new container, and an id is unknown in the plan
 * whenever that container is created anew (replaced for a changed file, or re-created after it
 * was killed or removed by hand). So this container is replaced in the same apply and reads the
 * new files or addresses. `replace_triggered_by` would miss the second case (Terraform plans a
 * create there, not a replacement). The provider does not read labels back, so the plan after a
 * deploy stays empty.
 */
export function startedWith(containers: readonly Container[]): { label: string; value: string } {
  return {
    label: STARTED_WITH_LABEL,
    value: Token.asString(
      Fn.join(
        ',',
        containers.map((c) => c.id),
      ),
    ),
  };
}
