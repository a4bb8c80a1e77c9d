import { compliant, HardeningRule, nonCompliant } from '../rule';

/** No container runs privileged. */
export const privileged: HardeningRule = {
  id: 'RP-5.4',
  title: 'containers are not privileged',
  cis: '5.4 Ensure that privileged containers are not used',
  check: (f) => (f.privileged ? nonCompliant('privileged = true') : compliant),
};
