import { compliant, HardeningRule, nonCompliant } from '../rule';

/** Processes cannot gain privileges (setuid binaries, file capabilities). */
export const noNewPrivileges: HardeningRule = {
  id: 'RP-5.25',
  title: 'no-new-privileges is set',
  cis: '5.25 Ensure that the container is restricted from acquiring additional privileges',
  check: (f) =>
    f.securityOpts.includes('no-new-privileges:true')
      ? compliant
      : nonCompliant(`security_opts is [${f.securityOpts.join(', ')}], without "no-new-privileges:true"`),
};
