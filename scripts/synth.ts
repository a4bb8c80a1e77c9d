// Synthesizes the default stacks into cdktf.out and tells the user what was generated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReviewFiles } from '../lib/constructs/review-files';
import { buildApp, DEFAULT_STACKS } from '../stacks/app';
import { explainInputErrors } from '../stacks/input-errors';

interface TfJson {
  resource?: Record<string, Record<string, { name?: string; upload?: { file: string }[] }>>;
  output?: Record<string, { sensitive?: boolean }>;
}

const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
explainInputErrors(() => buildApp({ outdir }).synth());
const reviewed = writeReviewFiles(outdir);

for (const stack of DEFAULT_STACKS) {
  const file = join(outdir, 'stacks', stack, 'cdk.tf.json');
  const tf = JSON.parse(readFileSync(file, 'utf8')) as TfJson;
  const resources = Object.entries(tf.resource ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const count = resources.reduce((n, [, byName]) => n + Object.keys(byName).length, 0);
  console.log(`\nstack "${stack}" -> ${file} (${count} resources)`);
  for (const [type, byName] of resources) console.log(`  ${type} x${Object.keys(byName).length}`);
  for (const container of Object.values(tf.resource?.docker_container ?? {})) {
    const files = (container.upload ?? []).map((u) => u.file);
    // Files reach read-only services through a never-started carrier `<service>-config`.
    if (files.length > 0)
      console.log(`  files for ${container.name?.replace(/-config$/, '')}: ${files.join(', ')}`);
  }
  const outputs = Object.entries(tf.output ?? {}).map(([k, v]) => (v.sensitive ? `${k} (sensitive)` : k));
  console.log(`  outputs: ${outputs.join(', ')}`);
}
console.log(
  `\n${reviewed.length} files written for review under ${outdir}/stacks/<stack>/files/ (secrets as references)`,
);
console.log(`\nDeploy one with: npx cdktf deploy <stack>  (see README.md)`);
