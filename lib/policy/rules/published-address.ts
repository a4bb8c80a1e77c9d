import { compliant, HardeningRule, nonCompliant } from '../rule';

/** Published ports are bound to a chosen host address, not to every interface by omission. */
export const publishedAddress: HardeningRule = {
  id: 'RP-5.13',
  title: 'published ports are bound to a specific host address',
  cis: '5.13 Ensure that incoming container traffic is bound to a specific host interface',
  check: (f) => {
    const open = f.ports.filter((p) => p.ip === '' || p.ip === '0.0.0.0' || p.ip === '::');
    return open.length > 0
      ? nonCompliant(`port(s) ${open.map((p) => p.external ?? '?').join(', ')} published on every interface`)
      : compliant;
  },
};
