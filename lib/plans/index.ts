/** The plan layer: pure functions from resolved specs to what each container needs. No engine imports. */
export * from './service-plan';
export * from './registry-plan';
export * from './redis-plan';
export * from './load-balancer-plan';
export * from './ui-plan';
export * from './token-server-plan';
export * from './monitoring-plans';
export * from './notary-plans';
export * from './pattern-outputs';
export * from './labels';
export * from './hardening';
export * from './patterns';
