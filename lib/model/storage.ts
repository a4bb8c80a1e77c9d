import {
  checkAbsolutePath,
  checkBool,
  checkDuration,
  checkInt,
  checkOneOf,
  checkSection,
  checkSwitchableSection,
  checkUrl,
  checkWord,
} from './checks';
import { SpecError } from './errors';
import { checkSecret, SecretRef, TextOrSecret } from './secret';

/** Storage on the container's data volume. */
export interface FilesystemStorageSpec {
  /** Selects the filesystem driver. */
  readonly driver: 'filesystem';
  /**
   * Directory inside the container that holds the data (the data volume is mounted there).
   * @default '/var/lib/registry'
   */
  readonly rootDirectory?: string;
  /**
   * Upper bound on concurrent filesystem operations.
   * @default 100
   */
  readonly maxThreads?: number;
}

/** Storage in an S3 (or S3-compatible) bucket. */
export interface S3StorageSpec {
  /** Selects the s3 driver. */
  readonly driver: 's3';
  /** Bucket name. */
  readonly bucket: string;
  /** AWS region (for S3-compatible stores, any value the store accepts). */
  readonly region: string;
  /** Endpoint URL of an S3-compatible store. @default the AWS endpoint of `region` */
  readonly regionEndpoint?: string;
  /** Access key id; omit to use the instance role. @default none (instance credentials) */
  readonly accessKey?: TextOrSecret;
  /**
   * Secret key, as a Terraform reference (a sensitive variable or `Fn.file`): a literal would be
   * written into the synthesized JSON. @default none (instance credentials)
   */
  readonly secretKey?: SecretRef;
  /** Prefix inside the bucket. @default the bucket root */
  readonly rootDirectory?: string;
  /** Server-side encryption. @default true */
  readonly encrypt?: boolean;
  /** Use HTTPS to reach the store. @default true */
  readonly secure?: boolean;
  /** Multipart chunk size in bytes, at least 5 MiB. @default 10485760 */
  readonly chunkSize?: number;
  /** Redirect clients to the store for blob downloads. @default true (the registry's default) */
  readonly redirect?: boolean;
}

/** The storage driver and its parameters. */
export type StorageDriverSpec = FilesystemStorageSpec | S3StorageSpec;

/** Which blob-descriptor cache the registry keeps. */
export type BlobDescriptorCache = 'inmemory' | 'redis' | 'none';

/** Upload purging: removes abandoned uploads. */
export interface UploadPurgingSpec {
  /** @default true */
  readonly enabled?: boolean;
  /** Age after which an upload is abandoned. @default '168h' */
  readonly age?: string;
  /** How often to look. @default '24h' */
  readonly interval?: string;
  /** Only log what would be removed. @default false */
  readonly dryRun?: boolean;
}

/** Storage options that apply to every driver. */
export interface StorageSpec {
  /** The driver. @default a filesystem on the data volume */
  readonly driver?: StorageDriverSpec;
  /** Allow deleting manifests and blobs by digest (the UI's delete button needs it). @default false */
  readonly deleteEnabled?: boolean;
  /** Blob-descriptor cache. @default 'inmemory' */
  readonly cache?: BlobDescriptorCache;
  /** Upload purging, or `false` to turn it off. @default enabled, age 168h, interval 24h */
  readonly uploadPurging?: UploadPurgingSpec | false;
  /** Serve reads only (set this while garbage collection runs). @default false */
  readonly readOnly?: boolean;
}

/** Storage with every default filled in. */
export interface ResolvedStorage {
  readonly driver: Required<FilesystemStorageSpec> | ResolvedS3Storage;
  readonly deleteEnabled: boolean;
  readonly cache: BlobDescriptorCache;
  readonly uploadPurging: Required<UploadPurgingSpec>;
  readonly readOnly: boolean;
}

/** S3 storage with defaults filled in. */
export type ResolvedS3Storage = Required<
  Pick<S3StorageSpec, 'driver' | 'bucket' | 'region' | 'encrypt' | 'secure' | 'chunkSize' | 'redirect'>
> &
  Pick<S3StorageSpec, 'regionEndpoint' | 'accessKey' | 'secretKey' | 'rootDirectory'>;

/** The data directory of the filesystem driver, where the data volume is mounted. */
export const DEFAULT_DATA_DIR = '/var/lib/registry';

const DRIVERS = ['filesystem', 's3'] as const;

function resolveDriver(path: string, given: StorageDriverSpec | undefined): ResolvedStorage['driver'] {
  const spec = checkSection(path, given);
  if (spec === undefined) return { driver: 'filesystem', rootDirectory: DEFAULT_DATA_DIR, maxThreads: 100 };
  const driver = checkOneOf(`${path}.driver`, (spec as { driver?: unknown }).driver, DRIVERS);
  if (driver === 'filesystem') {
    const fs = spec as FilesystemStorageSpec;
    const rootDirectory = checkAbsolutePath(`${path}.rootDirectory`, fs.rootDirectory ?? DEFAULT_DATA_DIR);
    return {
      driver,
      rootDirectory,
      maxThreads: checkInt(`${path}.maxThreads`, fs.maxThreads ?? 100, 25, 10000),
    };
  }
  const s3 = spec as S3StorageSpec;
  if (typeof s3.accessKey === 'string') checkWord(`${path}.accessKey`, s3.accessKey);
  if (s3.secretKey !== undefined) checkSecret(`${path}.secretKey`, s3.secretKey, 'an S3 secret key');
  if ((s3.accessKey === undefined) !== (s3.secretKey === undefined)) {
    throw new SpecError(
      `${path}.secretKey`,
      s3.secretKey,
      'give accessKey and secretKey together, or neither',
    );
  }
  return {
    driver,
    bucket: checkWord(`${path}.bucket`, s3.bucket),
    region: checkWord(`${path}.region`, s3.region),
    ...(s3.regionEndpoint !== undefined
      ? { regionEndpoint: checkUrl(`${path}.regionEndpoint`, s3.regionEndpoint, ['http', 'https']) }
      : {}),
    ...(s3.accessKey !== undefined ? { accessKey: s3.accessKey } : {}),
    ...(s3.secretKey !== undefined ? { secretKey: s3.secretKey } : {}),
    ...(s3.rootDirectory !== undefined
      ? { rootDirectory: checkAbsolutePath(`${path}.rootDirectory`, s3.rootDirectory) }
      : {}),
    encrypt: checkBool(`${path}.encrypt`, s3.encrypt ?? true),
    secure: checkBool(`${path}.secure`, s3.secure ?? true),
    chunkSize: checkInt(`${path}.chunkSize`, s3.chunkSize ?? 10485760, 5242880, 5368709120),
    redirect: checkBool(`${path}.redirect`, s3.redirect ?? true),
  };
}

/** Fills in storage defaults and validates every field. */
export function resolveStorage(path: string, given?: StorageSpec): ResolvedStorage {
  const spec = checkSection(path, given) ?? {};
  const switchable = checkSwitchableSection(`${path}.uploadPurging`, spec.uploadPurging);
  const purging: UploadPurgingSpec = switchable === false ? { enabled: false } : (switchable ?? {});
  return {
    driver: resolveDriver(`${path}.driver`, spec.driver),
    deleteEnabled: checkBool(`${path}.deleteEnabled`, spec.deleteEnabled ?? false),
    cache: checkOneOf(`${path}.cache`, spec.cache ?? 'inmemory', ['inmemory', 'redis', 'none'] as const),
    uploadPurging: {
      enabled: checkBool(`${path}.uploadPurging.enabled`, purging.enabled ?? true),
      age: checkDuration(`${path}.uploadPurging.age`, purging.age ?? '168h'),
      interval: checkDuration(`${path}.uploadPurging.interval`, purging.interval ?? '24h'),
      dryRun: checkBool(`${path}.uploadPurging.dryRun`, purging.dryRun ?? false),
    },
    readOnly: checkBool(`${path}.readOnly`, spec.readOnly ?? false),
  };
}
