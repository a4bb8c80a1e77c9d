import { RenderedFile } from '../../render/file';
import { terraformContent } from './secret-values';

/** Rendered files as `docker_container.upload` blocks, secrets filled in as Terraform references. */
export function uploads(
  files: readonly RenderedFile[],
): { file: string; content: string; permissions: string }[] {
  return files.map((f) => ({ file: f.path, content: terraformContent(f), permissions: f.mode }));
}
