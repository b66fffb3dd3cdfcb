/**
 * The import rules of planx's layers (README "Architecture"), checked by tests/architecture.test.ts:
 *
 *   schemas/  ←  model/  ←  readers/ · extractors/ · output/  ←  pipeline/  ←  workflows/  ←  cli/
 *
 * A folder imports only from itself and the layers to its left; the three middle folders do not import
 * each other (a reader never runs a stage, a stage never writes a file); no file circles anywhere.
 * index.ts (the library entry) may import any layer below cli/.
 */
const layer = (name, allowed) => ({
  name: `${name}-imports-downward`,
  comment: `${name}/ may import only from ${allowed.join(', ')}`,
  severity: 'error',
  from: { path: `^${name}/` },
  to: { path: '^(model|schemas|readers|extractors|output|pipeline|workflows|cli|index\\.ts)', pathNot: `^(${[name, ...allowed].join('|')})/` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'file circles make the order of module start-up fragile and the layers unreadable', severity: 'error', from: {}, to: { circular: true } },
    layer('schemas', []),
    layer('model', ['schemas']),
    layer('readers', ['model', 'schemas']),
    layer('extractors', ['model', 'schemas']),
    layer('output', ['model', 'schemas']),
    layer('pipeline', ['model', 'schemas', 'readers', 'extractors', 'output']),
    layer('workflows', ['model', 'schemas', 'readers', 'extractors', 'output', 'pipeline']),
    layer('cli', ['model', 'schemas', 'readers', 'extractors', 'output', 'pipeline', 'workflows']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tests|bench|scripts)/' },
    tsConfig: { fileName: 'tsconfig.build.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
