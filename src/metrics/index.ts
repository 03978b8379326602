export { computeMetrics, createMetricsFold, type MetricsFold } from './fold.js';
