/** The model layer: typed specs, their defaults and their validation. No cdktf imports here. */
export * from './auth';
export * from './checks';
export * from './dialect';
export * from './errors';
export * from './health';
export * from './http';
export * from './manifest-validation';
export * from './notifications';
export * from './proxy';
export * from './publish';
export * from './redis';
export * from './registry-spec';
export * from './storage';
export * from './tls';
export * from './users';
export * from './redis-cache';
export * from './load-balancer';
