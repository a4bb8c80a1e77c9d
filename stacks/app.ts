import { App, AppConfig } from '../lib/constructs/cdktf';
import { BasicStack } from './basic';
import { HaStack } from './ha';
import { MirrorStack } from './mirror';
import { SecureStack } from './secure';

/** The stacks this project synthesizes by default, by name. */
export const DEFAULT_STACKS = ['basic', 'secure', 'ha', 'mirror'] as const;

/**
 * Builds the default app, every stack bound to 127.0.0.1 with its default parameters and its own
 * ports so that all can run on one host: `basic` (5000), `secure` (5443, UI 8080), `ha` (6443,
 * redirect 6080) and `mirror` (5444).
 */
export function buildApp(config: AppConfig = {}): App {
  const app = new App(config);
  new BasicStack(app, 'basic');
  new SecureStack(app, 'secure');
  new HaStack(app, 'ha', { port: 6443, httpPort: 6080 });
  new MirrorStack(app, 'mirror');
  return app;
}
