/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.ts',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  // Tests of whole imports take a second or two alone; on a loaded 2-core machine several times that.
  // A hang still fails, after 30 s (suites that need longer set their own).
  testTimeout: 30_000,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
