import { SpecError } from '../../lib/model/errors';

/** The SpecError `fn` throws (fails the test when it throws nothing or something else). */
export function thrown(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('expected a SpecError, nothing was thrown');
}
