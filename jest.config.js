/** One jest run, one project per package; `--selectProjects` narrows it. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

const base = { transform: { '^.+\\.(t|j)sx?$': swc }, testEnvironment: 'node' };

module.exports = {
  // Jest reads the timeout only at the top level, not per project. Server files build an app on a
  // fresh database in their hooks; on a shared 2-core machine that can take seconds.
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'shared', roots: ['<rootDir>/shared/src'] },
    {
      ...base,
      displayName: 'server',
      roots: ['<rootDir>/server/src'],
      globalSetup: '<rootDir>/server/test/global-setup.ts',
      globalTeardown: '<rootDir>/server/test/global-teardown.ts',
    },
    // `@/` is the mini-program's source root, as in its tsconfig and Taro's build.
    { ...base, displayName: 'miniapp', roots: ['<rootDir>/miniapp/test'], moduleNameMapper: { '^@/(.*)$': '<rootDir>/miniapp/src/$1' } },
    {
      ...base,
      displayName: 'e2e',
      roots: ['<rootDir>/tests/e2e'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
    },
  ],
};
