/**
 * The one place the Pulumi adapter imports Pulumi and its provider packages (`@pulumi/pulumi`,
 * `@pulumi/docker`, `@pulumi/random`, `@pulumi/tls`, all optional peer dependencies): the
 * components import them from here.
 */
export * as pulumi from '@pulumi/pulumi';
export * as docker from '@pulumi/docker';
export * as random from '@pulumi/random';
export * as tls from '@pulumi/tls';
