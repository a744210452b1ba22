// Lint: typescript-eslint's recommended rules (not type-checked, to stay fast), plus the architecture's
// one hard boundary — the analysis core (server/src/analysis) stays pure: no editor, file system,
// network or process runtime, so the server, the CLI and the API all run the same code.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Subpaths such as vscode-languageserver/node are covered by the patterns below.
const CORE_FORBIDDEN_MODULES = [
  'vscode',
  'vscode-languageserver',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
];

const CORE_MESSAGE =
  'server/src/analysis is the pure core: text and options in, data out. Do I/O and editor work in the doors (lsp/, cli/, api.ts) and pass data in.';

export default defineConfig(
  // examples/ holds the sample apps the example Dockerfiles build, not project code.
  // Scratch files (*.tmp.*) are git-ignored and not part of the project.
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'examples/', '**/*.tmp.*'] },
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/analysis/**/*.ts'],
    // Tests beside the code may read fixtures; the boundary is about what ships in the core.
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Type-only imports carry no runtime dependency, so they stay allowed.
          paths: CORE_FORBIDDEN_MODULES.map((name) => ({ name, message: CORE_MESSAGE, allowTypeImports: true })),
          patterns: [
            {
              group: ['vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
              message: CORE_MESSAGE,
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: CORE_MESSAGE },
        { name: 'fetch', message: CORE_MESSAGE },
        { name: 'require', message: CORE_MESSAGE },
      ],
    },
  },
);
