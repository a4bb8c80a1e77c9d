import { compliant, HardeningRule, nonCompliant } from '../rule';

/** The container does not share the host's network, PID or IPC namespace. */
export const hostNamespaces: HardeningRule = {
  id: 'RP-5.9',
  title: "the host's network, PID and IPC namespaces are not shared",
  cis: "5.9, 5.15, 5.16 Ensure that the host's network, process and IPC namespaces are not shared",
  check: (f) => {
    const shared = [
      f.networkMode === 'host' ? 'network_mode' : '',
      f.pidMode === 'host' ? 'pid_mode' : '',
      f.ipcMode === 'host' ? 'ipc_mode' : '',
    ].filter(Boolean);
    return shared.length > 0 ? nonCompliant(`${shared.join(', ')} = "host"`) : compliant;
  },
};
