/**
 * The layer rule: imports point one way along relaybench's pipeline (README, "Development").
 *
 *   base:      errors, stats, format, cost          (use nothing above them)
 *   contract:  suite → plan → runfolder             (anything may use them)
 *   stages:    client → metrics;  grade;  run (uses client, metrics, grade)
 *              analysis → report → gate            (each uses the ones before it)
 *   beside:    emulator (a fake relay: the contract, the client's wire types, the judge's facts),
 *              check (the `check` command: probes through run and client, prints through report)
 *   top:       cli (wiring only), bench
 *
 * Each folder lists the folders it may import; anything else is a backwards (or sideways) import
 * and fails `npm test` with the rule's name. Rules: https://github.com/sverweij/dependency-cruiser
 * (doc/rules-reference.md).
 */
const layers = {
  errors: [],
  stats: [],
  format: [],
  cost: ['errors'],
  suite: ['errors', 'stats', 'format', 'cost'],
  plan: ['suite', 'errors', 'stats', 'format', 'cost'],
  runfolder: ['plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  client: ['runfolder', 'plan', 'suite', 'errors', 'stats', 'format'],
  metrics: ['client', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format'],
  grade: ['runfolder', 'plan', 'suite', 'errors', 'stats', 'format'],
  run: ['client', 'metrics', 'grade', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  analysis: ['grade', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  report: ['analysis', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  gate: ['report', 'analysis', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  emulator: ['client', 'grade', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
  check: ['run', 'client', 'metrics', 'grade', 'report', 'analysis', 'runfolder', 'plan', 'suite', 'errors', 'stats', 'format', 'cost'],
};

const stageRules = Object.entries(layers).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `src/${folder}/ may import only ${allowed.length === 0 ? 'nothing outside itself' : allowed.map((name) => `src/${name}/`).join(', ')} (and node modules): anything else points backwards along the pipeline.`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: [`^src/${folder}/`, ...allowed.map((name) => `^src/${name}/`)] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...stageRules,
    {
      name: 'no-cli-below-top',
      comment: 'Only src/cli.ts and src/bench/ may import src/cli/: it is wiring, nothing builds on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli(/|\\.ts$)', '^src/bench/'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between modules: split the shared part out into the lower module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    exclude: { path: '^(dist|test|node_modules)/' },
  },
};
