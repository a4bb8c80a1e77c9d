// The cdktf app `npm run e2e` deploys: the default stacks, with the mirror's upstream set to a
// registry the e2e runs on the same engine, on a network the mirror joins (no outside registry
// is reachable from the tests).
// `token3` is the token stack on registry 3 (the other key-id dialect), on its own ports.
// `labs` (the default app's class in one stack) with its shared mirror on the e2e's upstream.
// `class-<student>`: three labs, a stack each (registry only), for the labs e2e; with
// E2E_CLASS_LAYOUT=one (for the benchmarks) the same class as one stack, `class`; with
// E2E_APP=class (for the benchmarks) the app is the class alone, as a class's own project would be.
// With E2E_VARIANT=changed, `secure` gets one more user: the e2e shows that a changed input
// reaches the running registry on the next deploy. `monitoring` runs without Grafana (no image
// here) and with short alert timings and a webhook to the receiver the monitoring e2e runs.
// E2E_HEALTHCHECK_INTERVAL (a Go duration, for the benchmarks) sets the context key
// `registry-platform:healthcheck` for the whole app; unset, every check keeps its 10 s default.
import { HEALTHCHECK_CONTEXT_KEY } from '../../lib/model/healthcheck-timing';
import { App } from '../../lib/constructs/cdktf';
import { DEFAULT_USERS } from '../../lib/model/users';
import { buildApp } from '../../stacks/app';
import { TokenStack } from '../../stacks/token';
import { LabsStack, labStacks } from '../../stacks/labs';
import {
  ALERT_RECEIVER,
  CHANGED_USER,
  CLASS,
  LABS,
  MIRROR_UPSTREAM_NET,
  MIRROR_UPSTREAM_URL,
  TOKEN3,
} from './names';

const changed = process.env.E2E_VARIANT === 'changed';
const healthInterval = process.env.E2E_HEALTHCHECK_INTERVAL;
const config = healthInterval ? { context: { [HEALTHCHECK_CONTEXT_KEY]: { interval: healthInterval } } } : {};
const onlyClass = process.env.E2E_APP === 'class';
const app = onlyClass
  ? new App(config)
  : buildApp(config, {
      mirror: { remoteUrl: MIRROR_UPSTREAM_URL, remoteNetwork: MIRROR_UPSTREAM_NET },
      // Grafana is not packaged here, so its container is not run (its files are tested by schema);
      // short intervals so that the registry-down alert fires and resolves within the test.
      monitoring: {
        monitoring: {
          grafana: false,
          scrapeInterval: '2s',
          evaluationInterval: '2s',
          alerts: { registryDownFor: '4s' },
          groupWait: '1s',
          groupInterval: '2s',
          repeatInterval: '1h',
          webhooks: [{ name: 'e2e', url: ALERT_RECEIVER.url }],
        },
      },
      labs: {
        students: [...LABS.students],
        portRange: LABS.portRange,
        mirror: { remoteUrl: MIRROR_UPSTREAM_URL, remoteNetwork: MIRROR_UPSTREAM_NET },
      },
      ...(changed ? { secure: { users: [...DEFAULT_USERS, { name: CHANGED_USER }] } } : {}),
    });
if (!onlyClass) {
  new TokenStack(app, TOKEN3.stack, {
    registryVersion: 3,
    port: TOKEN3.port,
    tokenPort: TOKEN3.tokenPort,
    uiPort: TOKEN3.uiPort,
  });
}
const classProps = { students: [...CLASS.students], portRange: CLASS.portRange, components: { ui: false } };
if (process.env.E2E_CLASS_LAYOUT === 'one') new LabsStack(app, CLASS.id, classProps);
else labStacks(app, CLASS.id, classProps);
app.synth();
