import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { runHelper } from './docker';
import {
  imageOf,
  Progress,
  registryContainer,
  withReadOnlyRegistry,
  withRegistryStopped,
} from './maintenance';
import { OpsError } from './ops-error';
import { StackInfo } from './stack-info';

/** SHA-256 of a file, streamed. */
export function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => res(h.digest('hex')))
      .on('error', rej);
  });
}

function dataVolumeOf(info: StackInfo): string {
  if (info.dataVolume === undefined) throw new OpsError(`stack "${info.stack}" has no data_volume output`);
  return info.dataVolume;
}

/**
 * Archives the registry's data volume to `archive` (a `.tar.gz`) with the registry read-only
 * meanwhile (a consistent copy), and writes `<archive>.sha256` (`sha256sum` format).
 */
export async function backup(
  info: StackInfo,
  archive: string,
  progress: Progress,
): Promise<{ archive: string; sha256: string; bytes: number }> {
  const file = resolve(archive);
  if (!file.endsWith('.tar.gz')) throw new OpsError(`the archive must be a .tar.gz file: ${archive}`);
  if (!existsSync(dirname(file))) throw new OpsError(`no folder ${dirname(file)}`);
  const volume = dataVolumeOf(info);
  const registry = registryContainer(info);
  const image = await imageOf(registry);
  await withReadOnlyRegistry(registry, progress, async () => {
    progress(`archiving ${volume} to ${file}`);
    await runHelper(image, [`${volume}:/data:ro`, `${dirname(file)}:/backup`], 'tar', [
      '-C',
      '/data',
      '-czf',
      `/backup/${basename(file)}`,
      '.',
    ]);
  });
  const sha256 = await sha256File(file);
  writeFileSync(`${file}.sha256`, `${sha256}  ${basename(file)}\n`);
  const bytes = statSync(file).size;
  return { archive: file, sha256, bytes };
}

/**
 * Puts an archive made by {@link backup} back into the registry's data volume (its content
 * replaced) after checking its checksum, with the registry stopped meanwhile (it would serve half
 * a restore otherwise).
 */
export async function restore(
  info: StackInfo,
  archive: string,
  progress: Progress,
): Promise<{ archive: string; sha256: string }> {
  const file = resolve(archive);
  const sumFile = `${file}.sha256`;
  if (!existsSync(file)) throw new OpsError(`no archive ${file}`);
  if (!existsSync(sumFile)) throw new OpsError(`no checksum ${sumFile} beside the archive`);
  const expected = readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0];
  progress('checking the archive checksum');
  const actual = await sha256File(file);
  if (actual !== expected)
    throw new OpsError(`checksum mismatch for ${file}: ${actual}, expected ${expected}`);
  const volume = dataVolumeOf(info);
  const registry = registryContainer(info);
  const image = await imageOf(registry);
  await withRegistryStopped(registry, progress, async () => {
    progress(`restoring ${file} into ${volume}`);
    await runHelper(image, [`${volume}:/data`, `${dirname(file)}:/backup:ro`], 'sh', [
      '-c',
      // `-exec rm -rf {} +`, not `-delete`: every find has it (Debian's busybox has no -delete).
      `find /data -mindepth 1 -maxdepth 1 -exec rm -rf {} + && tar -C /data -xzf "/backup/${basename(file)}"`,
    ]);
  });
  return { archive: file, sha256: actual };
}
