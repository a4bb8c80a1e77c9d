import { App, AppConfig } from '../lib/constructs/cdktf';
import { BasicStack, BasicStackProps } from './basic';
import { HaStack, HaStackProps } from './ha';
import { LabsStack, LabsStackProps } from './labs';
import { MirrorStack, MirrorStackProps } from './mirror';
import { MonitoringStack, MonitoringStackProps } from './monitoring';
import { SecureStack, SecureStackProps } from './secure';
import { TokenStack, TokenStackProps } from './token';
import { TrustStack, TrustStackProps } from './trust';

/** The stacks this project synthesizes by default, by name. */
export const DEFAULT_STACKS = [
  'basic',
  'secure',
  'ha',
  'mirror',
  'token',
  'monitoring',
  'trust',
  'labs',
] as const;

/** Parameters that replace a default stack's own, by stack name (for example a mirror's upstream). */
export interface AppOverrides {
  /** Parameters of `basic`. */
  readonly basic?: BasicStackProps;
  /** Parameters of `secure`. */
  readonly secure?: SecureStackProps;
  /** Parameters of `ha` (merged over its ports 6443 and 6080). */
  readonly ha?: HaStackProps;
  /** Parameters of `mirror`. */
  readonly mirror?: MirrorStackProps;
  /** Parameters of `token`. */
  readonly token?: TokenStackProps;
  /** Parameters of `monitoring`. */
  readonly monitoring?: MonitoringStackProps;
  /** Parameters of `trust`. */
  readonly trust?: TrustStackProps;
  /** Parameters of `labs` (replace its two students and shared mirror). */
  readonly labs?: LabsStackProps;
}

/**
 * Builds the default app, every stack bound to 127.0.0.1 with its default parameters and its own
 * ports so that all can run on one host: `basic` (5000), `secure` (5443, UI 8080), `ha` (6443,
 * redirect 6080), `mirror` (5444), `token` (5446, token server 5447, UI 8081), `monitoring` (5450, Prometheus
 * 9090, Grafana 3000), `trust` (5460, UI 8083, Notary 4443) and `labs` (a class of two, `student1`
 * and `student2`, each with a secure registry and UI, sharing a pull-through mirror; ports from
 * 20000).
 */
export function buildApp(config: AppConfig = {}, overrides: AppOverrides = {}): App {
  const app = new App(config);
  new BasicStack(app, 'basic', overrides.basic);
  new SecureStack(app, 'secure', overrides.secure);
  new HaStack(app, 'ha', { port: 6443, httpPort: 6080, ...overrides.ha });
  new MirrorStack(app, 'mirror', overrides.mirror);
  new TokenStack(app, 'token', overrides.token);
  new MonitoringStack(app, 'monitoring', overrides.monitoring);
  new TrustStack(app, 'trust', overrides.trust);
  new LabsStack(app, 'labs', overrides.labs ?? { students: ['student1', 'student2'], mirror: {} });
  return app;
}
