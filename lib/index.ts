/**
 * Registry platform constructs for CDK for Terraform.
 * Layers: `model` (typed specs, defaults, validation) → `render` (pure file renderers) →
 * `plans` (pure: what each container needs) → `constructs` (provider resources) → `patterns`
 * (whole platforms as constructs).
 */
export * from './model';
export * from './render';
export * from './plans';
export * from './policy';
export * from './constructs';
export * from './patterns';
