import { STARTED_WITH_LABEL } from '../../plans/labels';
import { Fn, Token } from '../cdktf';
import { Container } from '../providers';

/** Container settings that order a container after others and tie it to them. */
export interface StartsAfter {
  /** The `org.registry-platform.started-with` label with the others' ids. */
  readonly labels: { label: string; value: string }[];
  /** The others, so Terraform creates them first. */
  readonly dependsOn: Container[];
}

/**
 * Settings for a container that reads other containers' work when it starts: the files its
 * config carrier put in its config volume, or (nginx) the addresses of its upstreams. Terraform
 * creates those first (`depends_on`), and their ids go into a label.
 *
 * Every `docker_container` argument forces a new container, and an id is unknown in the plan
 * whenever that container is created anew (replaced for a changed file, or re-created after it
 * was killed or removed by hand). So this container is replaced in the same apply and reads the
 * new files or addresses. `replace_triggered_by` would miss the second case (Terraform plans a
 * create there, not a replacement). The provider does not read labels back, so the plan after a
 * deploy stays empty.
 */
export function startsAfter(containers: readonly Container[]): StartsAfter {
  return {
    labels: [
      {
        label: STARTED_WITH_LABEL,
        value: Token.asString(
          Fn.join(
            ',',
            containers.map((c) => c.id),
          ),
        ),
      },
    ],
    dependsOn: [...containers],
  };
}
