export { describeAdapterConformance, type ConformanceOptions } from './suite.js';
export type { ConformanceHarness, SuiteFn, TestFn } from './context.js';
export { ConformanceError } from './assert.js';
