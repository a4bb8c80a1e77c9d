/**
 * The Pulumi adapter (`registry-platform/pulumi`): ComponentResources that realize the same
 * service plans and rendered files as the cdktf constructs, with `@pulumi/docker`, `@pulumi/tls`
 * and `@pulumi/random`. It loads neither cdktf nor constructs; the model (props, validation,
 * errors) is re-exported so a Pulumi program needs only this entry point.
 */
export * from '../model';
export type { PatternOutput, RegistryPattern } from '../plans/pattern-outputs';
export { pulumiSecret } from './secrets';
export * from './network';
export * from './service';
export * from './tls';
export * from './users';
export * from './upstream';
export * from './registry';
export * from './registry-ui';
export * from './load-balancer';
export * from './redis-cache';
export * from './token-server';
export * from './alertmanager';
export * from './node-exporter';
export * from './redis-exporter';
export * from './prometheus';
export * from './grafana';
export * from './notary';
export * from './patterns/registry-monitoring';
export * from './patterns/basic-registry';
export * from './patterns/secure-registry';
export * from './patterns/ha-registry';
export * from './patterns/mirror-registry';
export * from './patterns/token-registry';
export * from './patterns/trusted-registry';
export * from './patterns/class-labs';
