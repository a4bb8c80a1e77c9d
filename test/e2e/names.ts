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
const STUDENTS = ['ana', 'ben', 'cy', 'dee', 'eli', 'fay', 'gus', 'hal', 'ivy', 'jo'] as const;

/** How many students the class has: `E2E_CLASS_SIZE` (1 to 10; the benchmarks set it), default 3. */
function classSize(): number {
  const given = process.env.E2E_CLASS_SIZE;
  if (given === undefined || given === '') return 3;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > STUDENTS.length) {
    throw new Error(
      `E2E_CLASS_SIZE: got ${JSON.stringify(given)}; allowed: a whole number from 1 to ${STUDENTS.length}`,
    );
  }
  return n;
}

/**
 * The class the labs e2e deploys: a stack per student (`class-<student>`), ports from 21000;
 * three students unless `E2E_CLASS_SIZE` says otherwise.
 */
export const CLASS = {
  id: 'class',
  students: STUDENTS.slice(0, classSize()),
  portRange: { from: 21000, to: 21099 },
} as const;
/**
 * The default app's `labs` stack as the e2e deploys it (one stack): two students, each a secure
 * registry and UI, sharing a pull-through mirror of the e2e's upstream; ports from 22000 (the
 * mirror, then registry and UI per student).
 */
export const LABS = {
  stack: 'labs',
  students: ['dana', 'eve'],
  portRange: { from: 22000, to: 22099 },
  ports: { mirror: 22000, dana: { registry: 22001, ui: 22002 }, eve: { registry: 22003, ui: 22004 } },
} as const;
/** The webhook receiver the monitoring e2e runs on the stack's monitoring network. */
export const ALERT_RECEIVER = {
  name: 'e2e-alert-receiver',
  url: 'http://e2e-alert-receiver:9000/cgi-bin/hook',
} as const;
