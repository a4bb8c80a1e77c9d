import { compliant, HardeningRule, NEVER_STARTED, nonCompliant } from '../rule';

/** The root filesystem is read-only (a stated exception is a suppression with its reason). */
export const readOnlyRoot: HardeningRule = {
  id: 'RP-5.12',
  title: "the container's root filesystem is read-only",
  cis: "5.12 Ensure that the container's root filesystem is mounted as read only",
  check: (f) => {
    if (!f.started) return NEVER_STARTED;
    return f.readOnly ? compliant : nonCompliant('read_only is not true');
  },
};
