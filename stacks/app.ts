import { App, AppConfig } from '../lib/constructs/cdktf';
import { BasicStack } from './basic';
import { SecureStack } from './secure';

/** The stacks this project synthesizes by default, by name. */
export const DEFAULT_STACKS = ['basic', 'secure'] as const;

/**
 * Builds the default app: `basic` (port 5000) and `secure` (ports 5443 and 8080), both bound to
 * 127.0.0.1, with their default parameters.
 */
export function buildApp(config: AppConfig = {}): App {
  const app = new App(config);
  new BasicStack(app, 'basic');
  new SecureStack(app, 'secure');
  return app;
}
