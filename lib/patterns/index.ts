/**
 * Patterns: whole registry platforms as constructs a user puts in their own stack (basic,
 * secure, HA, mirror, token). Each validates its props in the model, so errors name the prop the
 * user set (`<id>.<prop>`), and offers its outputs (`addPatternOutputs`).
 */
export * from './pattern-outputs';
export * from './basic-registry';
export * from './secure-registry';
export * from './ha-registry';
export * from './mirror-registry';
export * from './token-registry';
export * from './registry-monitoring';
export * from './trusted-registry';
export * from './class-labs';
