import { PortalError } from '../../src/contract/errors.js';
import { DEMO_SETTINGS } from '../../src/adapters/demo/demo-data.js';
import type { PortalSettings } from '../../src/model/index.js';

/** The demo settings with some changed: each test says only what it turns on or off. */
export function settingsWith(change: (settings: PortalSettings) => void): PortalSettings {
  const settings = structuredClone(DEMO_SETTINGS);
  change(settings);
  return settings;
}

/** The PortalError `run` throws; fails the test when it throws nothing or something else. */
export function refusal(run: () => unknown): PortalError {
  try {
    run();
  } catch (error) {
    if (error instanceof PortalError) return error;
    throw error;
  }
  throw new Error('expected a PortalError, nothing was thrown');
}
