import { PlannedException } from '../../plans/service-plan';
import { containerFacts, evaluateContainer, HardeningPolicyError, violations } from '../../policy';
import { docker } from '../engine';

/**
 * Checks container arguments against the hardening policy (`lib/policy`, the rules cdktf applies
 * at synth), with the exceptions the plan states. The policy reads Terraform's attribute names,
 * so the arguments it looks at are given to it in those.
 * @throws HardeningPolicyError naming every rule broken
 */
export function checkHardening(
  path: string,
  args: docker.ContainerArgs,
  exceptions: readonly PlannedException[],
): void {
  const caps = args.capabilities as docker.types.input.ContainerCapabilities | undefined;
  const facts = containerFacts({
    name: args.name,
    start: args.start,
    privileged: args.privileged,
    capabilities: caps ? [{ drop: caps.drops, add: caps.adds }] : [],
    security_opts: args.securityOpts,
    read_only: args.readOnly,
    memory: args.memory,
    network_mode: args.networkMode,
    pid_mode: args.pidMode,
    ipc_mode: args.ipcMode,
    volumes: ((args.volumes ?? []) as docker.types.input.ContainerVolume[]).map((v) => ({
      host_path: v.hostPath,
    })),
    mounts: ((args.mounts ?? []) as docker.types.input.ContainerMount[]).map((m) => ({
      type: m.type,
      source: m.source,
    })),
    ports: ((args.ports ?? []) as docker.types.input.ContainerPort[]).map((p) => ({
      external: p.external,
      ip: p.ip,
    })),
    healthcheck: args.healthcheck ? [args.healthcheck] : [],
  });
  const broken = violations(evaluateContainer(facts, exceptions));
  if (broken.length > 0) {
    throw new HardeningPolicyError(
      path,
      facts.name,
      broken,
      "Fix the plan, or if it must be so, state it in the plan (a writable root's reason, runOnce, bindAddress '0.0.0.0').",
    );
  }
}
