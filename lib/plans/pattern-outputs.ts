/**
 * What a pattern offers its users after a deploy, the same for every engine: the cdktf patterns
 * make Terraform outputs of these, the Pulumi components register them as outputs.
 */

/** One value a pattern offers as a stack output. */
export interface PatternOutput {
  /** The value (may hold engine references: Terraform tokens, Pulumi outputs). */
  readonly value: unknown;
  /** What it is, shown by `cdktf output`. */
  readonly description: string;
  /** Hidden in plan and output listings (passwords). @default false */
  readonly sensitive?: boolean;
}

/** What every pattern offers: its outputs by name (`registry_url`, `credentials`, ...). */
export interface RegistryPattern {
  /** The values users need after a deploy, by output name. */
  readonly outputs: Readonly<Record<string, PatternOutput>>;
}

/** How a URL's host is written for a published port: the bind address, unless it is every interface. */
export function hostFor(bindAddress: string, hostname: string): string {
  return bindAddress === '0.0.0.0' ? hostname : bindAddress;
}

/** The outputs that say where the CA goes, for a TLS endpoint at `hostname:port`. */
export function caOutputs(
  caCertificatePem: unknown,
  hostname: string,
  port: number,
  whose = 'this registry',
): Record<string, PatternOutput> {
  const trustPath = `/etc/docker/certs.d/${hostname}:${port}/ca.crt`;
  return {
    ...(caCertificatePem !== undefined
      ? {
          ca_certificate: { value: caCertificatePem, description: `CA of ${whose}: save it as ${trustPath}` },
        }
      : {}),
    ca_trust_path: { value: trustPath, description: "Where the Docker daemon looks for this registry's CA" },
  };
}

/** The `data_volume` output: the volume that holds `what`, kept on destroy. */
export function dataVolumeOutput(volumeName: string, what = 'the images'): PatternOutput {
  return { value: volumeName, description: `Docker volume holding ${what} (kept on destroy)` };
}

/** The `ui_url` output of a UI published on `bindAddress:port`. */
export function uiUrlOutput(bindAddress: string, hostname: string, port: number): PatternOutput {
  return { value: `http://${hostFor(bindAddress, hostname)}:${port}`, description: 'URL of the registry UI' };
}

/** The `credentials` output: generated passwords by user name, sensitive. */
export function credentialsOutput(passwords: Readonly<Record<string, unknown>>): PatternOutput {
  return {
    value: passwords,
    sensitive: true,
    description: 'Generated passwords by user name (cdktf output --outputs-file, or terraform output -json)',
  };
}
