import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Vitest leaves one core to its main process by default, which has little to do here: on two cores
// that ran one test file at a time. Unit and integration files use every core, then the browser
// tests run alone (group 1) so that a loaded machine does not starve Chromium.
const workers = Math.max(2, availableParallelism());

// Three projects: unit (pure, fast), int (real database: PGlite, or PostgreSQL when DATABASE_URL
// is set) and e2e (the built web app in Debian's Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          maxWorkers: workers,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          maxWorkers: workers,
          include: ['apps/*/src/**/*.int.test.ts', 'packages/*/src/**/*.int.test.ts', 'tests/int/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Each file builds its own app on its own database and closes it; what files share is the
          // server's module graph, which took ~4 s to evaluate per file — a third of the run (decision 0047).
          isolate: false,
          globalSetup: ['tests/support/database-template.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Each file starts its own server and browser and stops them; the module graph is shared.
          isolate: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e/demo-snapshot.ts'],
        },
      },
    ],
  },
});
