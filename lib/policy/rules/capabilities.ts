import { compliant, HardeningRule, nonCompliant } from '../rule';

/** Capabilities a container may add back: what an nginx master needs to hand over to its workers. */
export const ALLOWED_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'];

/** Every capability is dropped and only allow-listed ones come back. */
export const capabilities: HardeningRule = {
  id: 'RP-5.3',
  title: `every capability dropped; only ${ALLOWED_CAPABILITIES.join(', ')} may be added back`,
  cis: '5.3 Ensure that Linux kernel capabilities are restricted within containers',
  check: (f) => {
    if (!f.capabilitiesDrop.includes('ALL')) {
      return nonCompliant(`capabilities.drop is [${f.capabilitiesDrop.join(', ')}], not ["ALL"]`);
    }
    const extra = f.capabilitiesAdd
      .map((c) => c.replace(/^CAP_/, ''))
      .filter((c) => !ALLOWED_CAPABILITIES.includes(c));
    return extra.length > 0 ? nonCompliant(`capabilities.add has ${extra.join(', ')}`) : compliant;
  },
};
