/** The render layer: pure functions from resolved specs to files. No cdktf imports here. */
export * from './file';
export * from './htpasswd';
export * from './registry-config';
export * from './registry-paths';
export * from './ui-settings';
export * from './yaml';
export * from './redis-conf';
export * from './nginx-conf';
export * from './templates';
export * from './docker-auth-config';
export * from './ui-token-conf';
export * from './secret-slots';
export * from './prometheus-config';
export * from './alertmanager-config';
export * from './grafana-provisioning';
export * from './notary-config';
export * from './notary-database';
