// Lint: TypeScript rules plus the dependency directions of ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const moduleBoundary = {
  regex: String.raw`^\.\./(?!\.\.)[^/]+/(?!index\.ts$)[^/]+$`,
  message: 'A module uses another only through its index.ts.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['apps/server/src/modules/*/*.ts'],
    ignores: ['apps/server/src/modules/*/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleBoundary] }] },
  },
  {
    files: ['apps/server/src/modules/**/*.service.ts', 'apps/server/src/modules/**/*.repository.ts', 'apps/server/src/modules/**/*.policy.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'fastify', message: 'Services and repositories never import Fastify.' }], patterns: [moduleBoundary] }],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^\.\./\.\./`, message: 'contracts imports nothing internal.' }, { regex: '^@tyndau/', message: 'contracts imports nothing internal.' }] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: 'apps/server|@tyndau/server', message: 'The web never imports the server.' }] }] },
  },
);
