import { compliant, HardeningRule, NEVER_STARTED, nonCompliant } from '../rule';

/** Every running container has a health check. */
export const healthCheck: HardeningRule = {
  id: 'RP-5.26',
  title: 'a health check is defined',
  cis: '5.26 Ensure that container health is checked at runtime',
  check: (f) => {
    if (!f.started) return NEVER_STARTED;
    return f.hasHealthCheck ? compliant : nonCompliant('no healthcheck');
  },
};
