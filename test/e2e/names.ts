/** Names the e2e app and the e2e tests share. */

/** The upstream registry container the mirror stack caches (run by the mirror e2e). */
export const MIRROR_UPSTREAM = 'e2e-mirror-upstream';
/** The upstream's network, which the mirror stack joins (`remoteNetwork`). */
export const MIRROR_UPSTREAM_NET = `${MIRROR_UPSTREAM}-net`;
/** The mirror stack's `remoteUrl` in the e2e app. */
export const MIRROR_UPSTREAM_URL = `http://${MIRROR_UPSTREAM}:5000`;
/** The user the `changed` variant of the e2e app adds to `secure` (full access, as htpasswd gives). */
export const CHANGED_USER = 'admin2';
/** The token stack on registry 3 that the e2e app adds, and its ports. */
export const TOKEN3 = { stack: 'token3', port: 5448, tokenPort: 5449, uiPort: 8082 } as const;
/** The class the labs e2e deploys: a stack per student (`class-<student>`), ports from 21000. */
export const CLASS = {
  id: 'class',
  students: ['ana', 'ben', 'cy'],
  portRange: { from: 21000, to: 21099 },
} as const;
/** The webhook receiver the monitoring e2e runs on the stack's monitoring network. */
export const ALERT_RECEIVER = {
  name: 'e2e-alert-receiver',
  url: 'http://e2e-alert-receiver:9000/cgi-bin/hook',
} as const;
