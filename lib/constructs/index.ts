/** The constructs layer: wires provider resources from the model and render layers. */
export * from './hardening';
export * from './htpasswd-users';
export * from './platform-network';
export * from './providers';
export * from './registry';
export * from './registry-ui';
export * from './terraform-text';
export * from './tls';
export * from './redis-cache';
export * from './load-balancer';
export * from './token-server';
export * from './user-passwords';
export * from './hardening-policy';
export * from './service';
