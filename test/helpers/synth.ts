/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { configureProviders } from '../../lib/constructs/providers';

/** The parsed cdk.tf.json of a stack. */
export type TfJson = {
  resource: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
};

/** Synthesizes a stack built by `fn` (with the providers configured) and returns the JSON text. */
export function synthWith(fn: (stack: Construct) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  configureProviders(stack);
  fn(stack);
  return Testing.synth(stack);
}

/** The only resource of a type in synthesized JSON. */
export function only(json: string, type: string): Record<string, any> {
  const all = Object.values((JSON.parse(json) as TfJson).resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}
