/**
 * Registry platform constructs for CDK for Terraform.
 * Layers: `model` (typed specs, defaults, validation) → `render` (pure file renderers) →
 * `constructs` (provider resources).
 */
export * from './model';
export * from './render';
export * from './constructs';
