import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/**
 * Writes a one-layer OCI image layout to `dir` (tag `tag`) with `bytes` of random data in the
 * layer, so that every image is distinct. Real clients (skopeo) push it as-is.
 */
export function makeOciImage(dir: string, tag: string, bytes = 1024, created?: Date): void {
  const src = mkdtempSync(join(tmpdir(), 'layer-'));
  try {
    writeFileSync(join(src, 'data.bin'), randomBytes(bytes));
    writeFileSync(join(src, 'tag.txt'), `${tag}\n`);
    execFileSync('tar', [
      '-C',
      src,
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '-cf',
      join(src, '..', `${tag}.tar`),
      'data.bin',
      'tag.txt',
    ]);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  const tarPath = join(src, '..', `${tag}.tar`);
  const tar = readFileSync(tarPath);
  rmSync(tarPath);
  const layer = gzipSync(tar);
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (content: Buffer | string): { digest: string; size: number } => {
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const hex = sha256(buf);
    writeFileSync(join(blobs, hex), buf);
    return { digest: `sha256:${hex}`, size: buf.length };
  };
  const layerRef = put(layer);
  const config = put(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      ...(created !== undefined ? { created: created.toISOString() } : {}),
      config: {},
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(tar)}`] },
    }),
  );
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layerRef }],
    }),
  );
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
}
