/**
 * The patterns decided for any engine: each takes a pattern's validated props and returns the
 * Docker names, the specs of its components and its outputs; the cdktf patterns and the Pulumi
 * patterns only add the engine's resources (networks, certificates, passwords) and wire them in.
 */
export * from './basic';
export * from './secure';
export * from './mirror';
export * from './ha';
export * from './token';
export * from './trust';
export * from './monitoring';
export * from './labs';
