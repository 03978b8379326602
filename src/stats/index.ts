export { bootstrapDiffOfMedians, type BootstrapOptions, type DifferenceInterval } from './bootstrap.js';
export { max, mean, min, stddev } from './descriptive.js';
export { fisherExact, fisherExactOneSided, type FisherResult } from './fisher.js';
export { newcombeDiffInterval } from './newcombe.js';
export { normalQuantile } from './normal.js';
export { percentile, quantiles } from './percentile.js';
export { createRandom } from './random.js';
export { requiredRepeatsForDifference } from './sample-size.js';
export { wilsonInterval, type ProportionInterval } from './wilson.js';
