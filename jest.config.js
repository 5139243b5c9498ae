// Tests sit beside the code they test; they run on the compiled ESM output (npm test builds first),
// so Jest needs no transform and sees exactly what Node runs.
export default {
  testEnvironment: 'node',
  transform: {},
  roots: ['<rootDir>/shared/dist', '<rootDir>/station-server/dist', '<rootDir>/test/dist'],
  testMatch: ['**/*.test.js'],
  testTimeout: 120000,
  maxWorkers: 2,
  // The browser reporter ends a run that had to skip browser suites with one line and a failure.
  reporters: ['default', '<rootDir>/test/dist/browser-reporter.js'],
};
