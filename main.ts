// The cdktf app (cdktf.json runs the compiled `node dist/main.js`: no type-check on every synth).
// After the synth, every file the stacks give their containers is written beside each stack's
// cdk.tf.json, under files/, for review (secrets as references). A mistake in the input is one
// line on stderr and exit code 1.
import { writeReviewFiles } from './lib/constructs/review-files';
import { buildApp } from './stacks/app';
import { explainInputErrors } from './stacks/input-errors';

explainInputErrors(() => {
  const app = buildApp();
  app.synth();
  writeReviewFiles(app.outdir);
});
