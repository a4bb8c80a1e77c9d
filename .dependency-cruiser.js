/**
 * The layering rule, checked by `npm run lint` (dependency-cruiser): model → render and plans and
 * policy (pure) → constructs (the cdktf adapter) → patterns → stacks; beside the cdktf adapter and
 * its patterns, the Pulumi adapter (lib/pulumi, components and patterns over the same plans);
 * beside them, day-2 operations (lib/ops, on the model only) under the CLI (cli/). Imports only
 * point down that list, each adapter's internals (`private/`) stay inside it, neither adapter
 * loads the other's engine, and each engine is imported in few files only.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'model-is-self-contained',
      comment: 'The model (specs, defaults, validation) imports nothing of the project outside lib/model.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: { path: '^(lib/(?!model/)|stacks/|test/|scripts/)' },
    },
    {
      name: 'render-is-pure',
      comment: 'Renderers import only the model and each other.',
      severity: 'error',
      from: { path: '^lib/render/' },
      to: { path: '^(lib/(?!model/|render/)|stacks/|test/|scripts/)' },
    },
    {
      name: 'plans-are-pure',
      comment: 'Service plans import only the model, the renderers and each other.',
      severity: 'error',
      from: { path: '^lib/plans/' },
      to: { path: '^(lib/(?!model/|render/|plans/)|stacks/|test/|scripts/)' },
    },
    {
      name: 'policy-is-pure',
      comment: 'Hardening rules look at plain facts; they import nothing else of the project.',
      severity: 'error',
      from: { path: '^lib/policy/' },
      to: { path: '^(lib/(?!policy/)|stacks/|test/|scripts/)' },
    },
    {
      name: 'constructs-below-patterns',
      comment: 'The components never import the patterns built from them.',
      severity: 'error',
      from: { path: '^lib/(constructs|model|render|plans|policy)/' },
      to: { path: '^lib/patterns/' },
    },
    {
      name: 'private-stays-private',
      comment: "The adapter's internals are imported only inside lib/constructs.",
      severity: 'error',
      from: { path: '^(?!lib/constructs/)' },
      to: { path: '^lib/constructs/private/' },
    },
    {
      name: 'pulumi-private-stays-private',
      comment: "The Pulumi adapter's internals are imported only inside lib/pulumi.",
      severity: 'error',
      from: { path: '^(?!lib/pulumi/)' },
      to: { path: '^lib/pulumi/private/' },
    },
    {
      name: 'pulumi-never-loads-cdktf',
      comment:
        'The Pulumi adapter (registry-platform/pulumi) builds on the model, renderers, plans and policy only: a ' +
        'Pulumi user never loads cdktf, constructs or the cdktf adapter.',
      severity: 'error',
      from: { path: '^lib/pulumi/' },
      to: {
        path: '^(lib/(constructs|patterns|ops)/|lib/index\\.ts$|stacks/)|(^|/)node_modules/(cdktf|constructs|@cdktf/)',
      },
    },
    {
      name: 'cdktf-never-loads-pulumi',
      comment: 'Nothing but the Pulumi adapter imports it or Pulumi: a cdktf user never loads Pulumi.',
      severity: 'error',
      from: { path: '^(lib|stacks|cli)/', pathNot: '^lib/pulumi/' },
      to: { path: '^lib/pulumi/|(^|/)node_modules/@pulumi/' },
    },
    {
      name: 'pulumi-in-one-file',
      comment: 'The Pulumi packages are imported only by lib/pulumi/engine.ts.',
      severity: 'error',
      from: { path: '^lib/pulumi/', pathNot: '^lib/pulumi/engine\\.ts$' },
      to: { path: '(^|/)node_modules/@pulumi/' },
    },
    {
      name: 'pulumi-components-below-patterns',
      comment: 'The Pulumi components never import the Pulumi patterns built from them.',
      severity: 'error',
      from: { path: '^lib/pulumi/(?!patterns/)', pathNot: '^lib/pulumi/index\\.ts$' },
      to: { path: '^lib/pulumi/patterns/' },
    },
    {
      name: 'stacks-are-thin',
      comment: 'Stacks instantiate patterns: they never reach the renderers, plans or policy directly.',
      severity: 'error',
      from: { path: '^stacks/' },
      to: { path: '^lib/(render|plans|policy)/' },
    },
    {
      name: 'library-below-stacks',
      comment: 'The library never imports the stacks, the tests or the scripts.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(stacks/|test/|scripts/)' },
    },
    {
      name: 'engine-in-two-files',
      comment:
        'cdktf and the provider packages are imported only by lib/constructs/cdktf.ts and providers.ts ' +
        '(CDKTF is deprecated upstream: a move to its fork touches those two files).',
      severity: 'error',
      from: { path: '^(lib|stacks)/', pathNot: '^lib/constructs/(cdktf|providers)\\.ts$' },
      to: { path: '(^|/)node_modules/(cdktf|@cdktf/provider-[^/]+)/' },
    },
    {
      name: 'ops-is-engine-free',
      comment:
        'Day-2 operations (lib/ops) talk to a deployed stack over HTTP and the docker CLI: they use ' +
        'the model, never the adapter, plans, renderers, patterns or stacks.',
      severity: 'error',
      from: { path: '^lib/ops/' },
      to: { path: '^(lib/(?!model/|ops/)|stacks/|cli/|test/|scripts/)' },
    },
    {
      name: 'cli-over-ops',
      comment: 'The CLI (cli/) is a thin layer over lib/ops: it never loads cdktf or the constructs.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^(lib/(?!model/|ops/)|stacks/|test/|scripts/)|(^|/)node_modules/(cdktf|@cdktf/)' },
    },
    {
      name: 'library-below-cli',
      comment: 'Nothing in the library imports the CLI.',
      severity: 'error',
      from: { path: '^(lib|stacks)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(lib|stacks|cli)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|cdktf\\.out|\\.e2e)/' },
  },
};
