/** The dependency rules of ARCHITECTURE.md that eslint cannot see: cycles and directions between folders. */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'Import cycles make modules inseparable: pass a function or move the shared thing down.', from: {}, to: { circular: true } },
    { name: 'platform-below-modules', severity: 'error', comment: 'platform/ is what modules stand on; it never imports a module.', from: { path: '^apps/server/src/(platform|db)/', pathNot: '\\.test\\.ts$' }, to: { path: '^apps/server/src/modules/', pathNot: '\\.tables\\.ts$' } },
    { name: 'web-feature-isolation', severity: 'error', comment: 'A web feature does not reach into another feature (bodies names and topics excepted) nor into pages.', from: { path: '^apps/web/src/features/([^/]+)/' }, to: { path: '^apps/web/src/(features/|routes/)', pathNot: ['^apps/web/src/features/$1/', '^apps/web/src/features/bodies/'] } },
    { name: 'contracts-import-nothing', severity: 'error', from: { path: '^packages/contracts/' }, to: { path: '^(apps|packages/(?!contracts))' } },
    { name: 'web-not-server', severity: 'error', from: { path: '^apps/web/' }, to: { path: '^apps/server/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
