import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The folder, inside a stack's output folder, that holds the files given to its containers. */
export const REVIEW_DIR = 'files';

interface SynthesizedContainer {
  readonly name?: string;
  readonly start?: boolean;
  readonly upload?: readonly { readonly file: string; readonly content?: string }[];
}

/**
 * Writes, after a synth, every file a stack gives its containers beside its `cdk.tf.json`, at
 * `<outdir>/stacks/<stack>/files/<service><path>` (`config.yml`, `nginx.conf`,
 * `auth_config.yml`, ...), as the service reads them: the Terraform escapes (`$${`, `%%{`) undone,
 * and values that come from Terraform (passwords, hashes, keys, certificates) shown as their
 * references (`${random_password.x.result}`), never as values. Users review, diff and snapshot
 * these. The folder is rewritten on every call. Returns the paths written, relative to `outdir`.
 */
export function writeReviewFiles(outdir: string): string[] {
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir)) return [];
  const written: string[] = [];
  for (const stack of readdirSync(stacksDir).sort()) {
    const tfFile = join(stacksDir, stack, 'cdk.tf.json');
    if (!existsSync(tfFile)) continue;
    const tf = JSON.parse(readFileSync(tfFile, 'utf8')) as {
      resource?: { docker_container?: Record<string, SynthesizedContainer> };
    };
    const base = join(stacksDir, stack, REVIEW_DIR);
    rmSync(base, { recursive: true, force: true });
    for (const c of Object.values(tf.resource?.docker_container ?? {})) {
      // A config carrier `<service>-config` holds its service's files.
      const service = c.start === false ? (c.name ?? '').replace(/-config$/, '') : (c.name ?? '');
      for (const u of c.upload ?? []) {
        const relative = normalize(join(stack, REVIEW_DIR, service, u.file));
        if (!relative.startsWith(join(stack, REVIEW_DIR, service))) continue;
        const target = join(stacksDir, relative);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, (u.content ?? '').replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
        written.push(join('stacks', relative));
      }
    }
  }
  return written.sort();
}
