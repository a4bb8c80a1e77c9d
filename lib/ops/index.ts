/** Day-2 operations on a deployed stack (the CLI's engine): no cdktf here. */
export * from './ops-error';
export * from './retention';
export * from './registry-api';
export * from './stack-info';
export * from './docker';
export * from './maintenance';
export * from './gc';
export * from './backup';
export * from './cleanup';
export * from './status';
