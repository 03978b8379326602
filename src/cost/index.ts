export * from './costUsd.js';
export * from './estimate.js';
export * from './prices.js';
export * from './resolve.js';
