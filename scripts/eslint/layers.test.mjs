// The layer rule on wrong and right arrows (run by `npm test`'s lint step: node --test scripts/eslint).
import { RuleTester } from 'eslint';
import path from 'node:path';
import { describe, it } from 'node:test';
import layers from './layers.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const root = path.resolve(import.meta.dirname, '../..');
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const at = (file, code) => ({ filename: path.join(root, file), code });
const wrong = (file, code, message) => ({ ...at(file, code), errors: [{ message: new RegExp(message) }] });

tester.run('portal/layers', layers.rules.layers, {
  valid: [
    at('src/core/store.ts', "import { operations } from '../contract/operations.js';"),
    at('src/core/connect.ts', "const http = () => import('../adapters/http/http-adapter.js');"),
    at('src/elements/portal-invoice/portal-invoice.ts', "import '../portal-pay-invoice/define.js';"),
    at(
      'src/elements/portal-invoice/portal-invoice.ts',
      "await import('../portal-pay-invoice/portal-pay-invoice.js');",
    ),
    at('src/elements/portal-invoice/portal-invoice.ts', "import { renderFacts } from '../../ui/facts.js';"),
    at('src/adapters/memory/memory-adapter.ts', "import { checkPayment } from '../../rules/payments.js';"),
    at('examples/server/src/app.ts', "import { Invoice } from '../../../src/model/index.js';"),
    at('src/define.ts', "import './elements/portal-root/define.js';"),
    at('src/merchant.ts', "export { ConsoleMemoryAdapter } from './console/index.js';"),
    at(
      'src/console/elements/portal-console/portal-console.ts',
      "await import('../portal-console-customers/define.js');",
    ),
    at(
      'src/console/elements/portal-console-settings/settings-view.ts',
      "import { FocusController } from '../../../controllers/focus.js';",
    ),
    at(
      'src/console/elements/portal-console-customers/portal-console-customers.ts',
      "await import('../../../define.js');",
    ),
    at(
      'src/console/adapters/console-http-adapter.ts',
      "import { buildRequest } from '../../adapters/http/route.js';",
    ),
  ],
  invalid: [
    wrong('src/index.ts', "export * from './console/index.js';", 'only src/merchant.ts may import console/'),
    wrong(
      'src/elements/portal-root/portal-root.ts',
      "import { consoleContext } from '../../console/context.js';",
      'elements/ may not import console/',
    ),
    wrong(
      'src/console/elements/portal-console-settings/portal-console-settings.ts',
      "import { x } from '../portal-console-branding/branding-view.js';",
      'console section imports another only through its define.js',
    ),
    wrong(
      'src/console/context.ts',
      "import { x } from '../elements/portal-root/portal-root.js';",
      'console/ may not import elements/',
    ),
    wrong(
      'src/console/elements/portal-console-customers/preview-panel.ts',
      "import '../../../define.js';",
      'console/ may not import entry/',
    ),
    wrong(
      'src/core/connect.ts',
      "import { HttpAdapter } from '../adapters/http/http-adapter.js';",
      'dynamic import',
    ),
    wrong(
      'src/model/invoice.ts',
      "import { PortalError } from '../contract/errors.js';",
      'model/ may not import contract/',
    ),
    wrong(
      'src/contract/errors.ts',
      "import { keys } from '../core/store.js';",
      'contract/ may not import core/',
    ),
    wrong(
      'src/ui/facts.ts',
      "import { PortalInvoice } from '../elements/portal-invoice/portal-invoice.js';",
      'ui/ may not import elements/',
    ),
    wrong(
      'src/controllers/focus.ts',
      "export * from '../elements/portal-root/portal-root.js';",
      'controllers/ may not import elements/',
    ),
    wrong(
      'src/adapters/memory/memory-adapter.ts',
      "import { PortalStore } from '../../core/store.js';",
      'adapters/ may not import core/',
    ),
    wrong(
      'src/elements/portal-summary/portal-summary.ts',
      "import { x } from '../portal-root/portal-root.js';",
      'only through its define.js',
    ),
    wrong(
      'examples/server/src/app.ts',
      "import { PortalStore } from '../../../src/core/store.js';",
      'reference server may import only',
    ),
  ],
});
