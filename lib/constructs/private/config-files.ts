import { Construct } from 'constructs';
import { carrierRole, FILES_LABEL, ROLE_LABEL, VOLUME_LABEL } from '../../plans/labels';
import { configDelivery } from '../../plans/service-plan';
import { RenderedFile } from '../../render/file';
import { hardening } from '../../plans/hardening';
import { Container, Volume } from '../providers';
import { uploads } from './terraform-text';

/** Props of {@link deliverConfigFiles}. */
export interface ConfigFilesProps {
  /** Name of the service container; the carrier is `<name>-config` and the volume `<name>-config`. */
  readonly name: string;
  /** Image id of the service (the carrier is created from it and never started). */
  readonly imageId: string;
  /** Where the volume is mounted, in the carrier and (read-only) in the service. */
  readonly containerPath: string;
  /** The files; every path lies under `containerPath`. */
  readonly files: readonly RenderedFile[];
}

/** What a service container needs to use delivered files. */
export interface ConfigFiles {
  /** The config volume (construct id `config`). */
  readonly volume: Volume;
  /** The carrier container (construct id `config-carrier`). */
  readonly carrier: Container;
  /** The volume mount for the service container: read-only. */
  readonly mount: { volumeName: string; containerPath: string; readOnly: boolean };
}

/**
 * Delivers rendered files to a service whose root filesystem is read-only.
 *
 * The Docker provider uploads files by extracting a tar archive at `/` of the container it
 * creates, and the engine refuses that for a read-only root (`container rootfs is marked
 * read-only`) even where the file's directory is a volume. So the files go through a carrier: a
 * container created from the service's own image with the config volume mounted, never started
 * (`start = false`: no process ever runs in it, so its writable root is never used), no network
 * and every capability dropped. The engine extracts the upload into the volume; the service
 * mounts the same volume read-only.
 *
 * Every upload is immutable in the provider (a changed file replaces the carrier), and the
 * service carries the carrier's id in a label (`startsAfter`, in started-with.ts), so it is
 * replaced whenever its carrier is: a changed input reaches the running service on the next
 * deploy, and the plan after that is empty.
 *
 * A carrier only adds and overwrites files. So that a file dropped from the set (a key after TLS
 * is turned off) does not linger in the volume, the volume is labelled with the list of paths and
 * replaced when that list changes (labels force a new volume), and the carrier, labelled with the
 * volume's id, is replaced with it.
 */
export function deliverConfigFiles(scope: Construct, props: ConfigFilesProps): ConfigFiles {
  const d = configDelivery({ name: props.name, configDir: props.containerPath, files: props.files });
  const volume = new Volume(scope, 'config', {
    name: d.name,
    labels: [{ label: FILES_LABEL, value: d.filesLabel }],
  });
  const h = hardening();
  const carrier = new Container(scope, 'config-carrier', {
    name: d.name,
    image: props.imageId,
    start: false,
    mustRun: false,
    restart: 'no',
    networkMode: 'none',
    volumes: [{ volumeName: volume.name, containerPath: d.dir }],
    upload: uploads(props.files),
    capabilities: { drop: h.drop },
    securityOpts: h.securityOpts,
    labels: [
      { label: ROLE_LABEL, value: carrierRole(props.name) },
      { label: VOLUME_LABEL, value: volume.id },
    ],
  });
  return { volume, carrier, mount: { volumeName: volume.name, containerPath: d.dir, readOnly: true } };
}
