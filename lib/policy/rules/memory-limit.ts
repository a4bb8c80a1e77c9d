import { compliant, HardeningRule, NEVER_STARTED, nonCompliant } from '../rule';

/** A memory limit caps what one container can take from the host. */
export const memoryLimit: HardeningRule = {
  id: 'RP-5.10',
  title: 'a memory limit is set',
  cis: '5.10 Ensure that the memory usage for containers is limited',
  check: (f) => {
    if (!f.started) return NEVER_STARTED;
    return f.memoryMb > 0 ? compliant : nonCompliant('no memory limit (memory is unset)');
  },
};
