/**
 * `portal-elements/merchant`: the merchant console, a package entry of its own so customer pages never
 * download it. Importing it registers `<portal-console>` (its sections load when first opened) and
 * exports the console's adapters and building blocks.
 */
import './console/elements/portal-console/define.js';

export * from './console/index.js';
export { PortalConsole } from './console/elements/portal-console/define.js';
export { PortalConsoleSignIn } from './console/elements/portal-console-sign-in/define.js';
