import { compliant, HardeningRule, nonCompliant } from '../rule';

/** The Docker socket (root on the host) is never mounted into a container. */
export const dockerSocket: HardeningRule = {
  id: 'RP-5.31',
  title: 'the Docker socket is not mounted',
  cis: '5.31 Ensure that the Docker socket is not mounted inside any containers',
  check: (f) => {
    const socket = f.hostPaths.find((p) => /(^|\/)docker\.sock$/.test(p));
    return socket !== undefined ? nonCompliant(`the host path ${socket} is mounted`) : compliant;
  },
};
