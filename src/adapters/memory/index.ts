export {
  type BillingCycleRun,
  MemoryAdapter,
  type MemoryAdapterOptions,
  type OutboxMessage,
} from './memory-adapter.js';
