// The cdktf app (cdktf.json runs the compiled `node dist/main.js`: no type-check on every synth).
import { buildApp } from './stacks/app';

buildApp().synth();
