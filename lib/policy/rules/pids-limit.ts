import { compliant, HardeningRule, NEVER_STARTED, nonCompliant, notApplicable } from '../rule';

/**
 * A pids limit stops a fork bomb. The kreuzwerker/docker provider (3.6.2) has no `pids_limit` on
 * `docker_container`, so the rule can only check it where the attribute exists: with this provider
 * it reports "not applicable", and the gap is stated in the README.
 */
export const pidsLimit: HardeningRule = {
  id: 'RP-5.28',
  title: 'a pids limit is set (where the provider can set one)',
  cis: "5.28 Ensure that the 'PIDs cgroup limit' is used",
  check: (f) => {
    if (!f.started) return NEVER_STARTED;
    if (f.pidsLimit === undefined) {
      return notApplicable('kreuzwerker/docker 3.6.2 has no pids_limit on docker_container');
    }
    return f.pidsLimit > 0 ? compliant : nonCompliant(`pids_limit is ${f.pidsLimit}`);
  },
};
