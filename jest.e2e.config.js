/** @type {import('jest').Config} `npm run e2e`: the stacks deployed for real (see test/e2e/). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // One engine, one stack at a time; each step bounds its own waits, this is the outer bound.
  maxWorkers: 1,
  testTimeout: 900000,
  verbose: true,
};
