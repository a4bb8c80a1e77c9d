/**
 * The provider resources the constructs use, re-exported from the pinned `@cdktf/provider-*`
 * packages so that constructs do not import the packages' deep paths one by one.
 */
import { Construct } from 'constructs';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TlsProvider } from '@cdktf/provider-tls/lib/provider';
import { applyHardeningPolicy } from './hardening-policy';

export { Container } from '@cdktf/provider-docker/lib/container';
export type { ContainerConfig, ContainerUpload } from '@cdktf/provider-docker/lib/container';
export { Image } from '@cdktf/provider-docker/lib/image';
export { Network } from '@cdktf/provider-docker/lib/network';
export { Volume } from '@cdktf/provider-docker/lib/volume';
export { Password } from '@cdktf/provider-random/lib/password';
export { CertRequest } from '@cdktf/provider-tls/lib/cert-request';
export { LocallySignedCert } from '@cdktf/provider-tls/lib/locally-signed-cert';
export { PrivateKey } from '@cdktf/provider-tls/lib/private-key';
export { SelfSignedCert } from '@cdktf/provider-tls/lib/self-signed-cert';

/** Where the Docker provider connects. */
export interface ProviderOptions {
  /** Docker host, for example `unix:///var/run/docker.sock` or `ssh://user@host`. @default the local socket */
  readonly dockerHost?: string;
  /**
   * Check every container of the stack against the hardening policy at synth (see
   * `lib/policy`): a container that breaks a rule without a suppression fails the synth.
   * @default true
   */
  readonly hardeningPolicy?: boolean;
}

/**
 * Configures the docker, tls and random providers on a stack and applies the hardening policy to it. Construct ids `provider-docker`, `provider-tls` and
 * `provider-random` are public API.
 */
export function configureProviders(scope: Construct, options: ProviderOptions = {}): void {
  new DockerProvider(
    scope,
    'provider-docker',
    options.dockerHost !== undefined ? { host: options.dockerHost } : {},
  );
  new TlsProvider(scope, 'provider-tls');
  new RandomProvider(scope, 'provider-random');
  if (options.hardeningPolicy ?? true) applyHardeningPolicy(scope);
}
