/**
 * The one place the library imports `cdktf` itself. CDKTF is deprecated upstream and its
 * community fork may become the way forward: a move touches this file and `providers.ts`.
 */
export {
  Annotations,
  App,
  Aspects,
  Fn,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Token,
} from 'cdktf';
export type { AppConfig, IAspect } from 'cdktf';
