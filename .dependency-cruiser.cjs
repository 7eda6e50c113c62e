/** Module boundaries (ARCHITECTURE.md): enforced, not hoped for. */
module.exports = {
  forbidden: [
    {
      name: 'platform-never-imports-modules',
      severity: 'error',
      comment: 'The platform layer is below every module and knows none of them.',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'modules-only-through-index',
      severity: 'error',
      comment: 'A module is reached only through its index.ts; its other files are private.',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-reaches-modules-through-index',
      severity: 'error',
      comment: 'The composition root, the CLI and tests use a module through its index.ts.',
      from: { path: '^(apps/server/src/[^/]+\\.ts|apps/cli/|apps/server/src/demo/)' },
      to: { path: '^apps/server/src/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'packages-are-independent-of-apps',
      severity: 'error',
      comment: 'Shared packages never depend on an application.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-only-shares-contracts-and-rules',
      severity: 'error',
      comment: 'The browser app talks to the server over HTTP only.',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|apps/cli)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|\\.tmp)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
