/**
 * The constructs layer (the cdktf adapter): realizes plans as provider resources. Its public
 * surface is the components, the patterns' building blocks and the hardening policy; the provider
 * classes themselves and the helpers in `private/` are not exported.
 */
export * from './hardening-policy';
export * from './htpasswd-users';
export * from './load-balancer';
export * from './platform-network';
export { configureProviders } from './providers';
export type { ProviderOptions } from './providers';
export * from './redis-cache';
export * from './registry';
export * from './registry-ui';
export * from './service';
export * from './tls';
export * from './token-server';
export * from './review-files';
export * from './secrets';
export * from './upstream';
export * from './prometheus';
export * from './alertmanager';
export * from './node-exporter';
export * from './redis-exporter';
export * from './grafana';
export * from './notary';
export * from './notary-migrations';
