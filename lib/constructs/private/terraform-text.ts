import { RenderedFile } from '../../render/file';
import { Fn, Token } from '../cdktf';

/**
 * Escapes literal text that will reach Terraform inside a string (a file's content): Terraform
 * reads `${` and `%{` as template syntax, so they become `$${` and `%%{`. CDKTF token
 * placeholders (`${TfToken[...]}`) are left alone: they are resolved into real references.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Wraps a Terraform string value so that it lands in a YAML file as a double-quoted scalar
 * (`jsonencode` output is valid YAML), whatever characters the value holds at apply time.
 */
export function yamlScalar(value: string): string {
  return Token.asString(Fn.jsonencode(value));
}

/** Rendered files as `docker_container.upload` blocks, their text escaped for Terraform. */
export function uploads(
  files: readonly RenderedFile[],
): { file: string; content: string; permissions: string }[] {
  return files.map((f) => ({ file: f.path, content: terraformLiteral(f.content), permissions: f.mode }));
}
