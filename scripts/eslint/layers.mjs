// The layer rule: which folder may import which at run time. `npm test`'s lint step fails on a wrong arrow.
//
// src/ is layered; each folder lists the folders its modules may import (its own included). `import type`
// is exempt: it vanishes from the build, so it creates no load-time dependency.
//
//   model        zod schemas, money                                  → model
//   contract     PortalError, the operations tables, the adapter      → model, contract
//   rules        backend policy written once                         → model, contract, rules
//   adapters     memory, http, demo data, conformance                → model, contract, rules, adapters
//   ui           shared rendering and styles                         → model, contract, ui
//   core         store, context, theme, i18n runtime, base element   → model, contract, ui, core
//                (adapters only through a dynamic import(): `api="…"` loads the HTTP adapter on first use)
//   controllers  cross-cutting element behaviour                     → … core, controllers
//   providers    card-fields providers                               → … core, controllers, providers
//   elements     one folder per public element                       → everything above; another
//                element only through its define.js or a dynamic import()
//   console      the merchant console (adapters, base, sections)     → model, contract, rules, adapters,
//                                                                       ui, core, controllers, console; a
//                section element (console/elements/<name>) imports another only through its define.js
//                or a dynamic import(), like elements/; the customer elements only through a dynamic
//                import() of src/define.ts (the Customers section's preview shows the whole portal)
//   src/*.ts     the entry points (index, define, cdn, merchant)      → anything, but only merchant.ts may
//                import console/: the customer bundles never carry the console
//
// The reference server (examples/server/src) may import only model, contract, rules and adapters/demo
// (plus adapters/shared while it exists): never the browser's core, ui, controllers or elements.
import path from 'node:path';

const below = {
  model: ['model'],
  contract: ['model', 'contract'],
  rules: ['model', 'contract', 'rules'],
  adapters: ['model', 'contract', 'rules', 'adapters'],
  ui: ['model', 'contract', 'ui'],
  core: ['model', 'contract', 'ui', 'core'],
  controllers: ['model', 'contract', 'ui', 'core', 'controllers'],
  providers: ['model', 'contract', 'rules', 'ui', 'core', 'controllers', 'providers'],
  elements: ['model', 'contract', 'rules', 'ui', 'core', 'controllers', 'providers', 'elements'],
  // The console reuses adapters/http's request and response helpers and adapters/demo's data (its
  // memory adapter); it is never imported by the customer side.
  console: ['model', 'contract', 'rules', 'adapters', 'ui', 'core', 'controllers', 'console'],
};
/** The one entry point that may import src/console (the `portal-elements/merchant` package entry). */
const CONSOLE_ENTRY = 'merchant.ts';
const SERVER_MAY_IMPORT = ['model', 'contract', 'rules', 'adapters/demo', 'adapters/shared'];

/** `{ area: 'core', rest: 'store.ts' }` for a path inside src/, or the server, or null. */
function placeOf(file, root) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.startsWith('examples/server/src/')) return { area: 'server', rest: relative };
  if (!relative.startsWith('src/')) return null;
  const inSrc = relative.slice('src/'.length);
  const slash = inSrc.indexOf('/');
  if (slash < 0) return { area: 'entry', rest: inSrc };
  return { area: inSrc.slice(0, slash), rest: inSrc.slice(slash + 1) };
}

/** `customers` for `console/elements/customers/x.ts`; null outside the console's section elements. */
function consoleSection(place) {
  if (place.area !== 'console' || !place.rest.startsWith('elements/')) return null;
  return place.rest.split('/')[1] ?? null;
}

function verdict(from, to, dynamic) {
  if (!to) return null;
  if (from.area === 'entry') {
    return to.area === 'console' && from.rest !== CONSOLE_ENTRY
      ? `only src/${CONSOLE_ENTRY} may import console/: customer bundles never carry the merchant console`
      : null;
  }
  if (from.area === 'server') {
    if (to.area === 'server') return null;
    const target = `${to.area}/${to.rest}`;
    return SERVER_MAY_IMPORT.some((allowed) => target === allowed || target.startsWith(`${allowed}/`))
      ? null
      : `the reference server may import only ${SERVER_MAY_IMPORT.join(', ')} from src/, not ${to.area}/`;
  }
  const allowed = below[from.area];
  if (!allowed) return null;
  if (from.area === 'core' && to.area === 'adapters') {
    return dynamic ? null : 'core reaches an adapter only through a dynamic import() (loaded on first use)';
  }
  // The Customers section's preview shows the customer portal itself: every customer element, registered by
  // a dynamic import of src/define.ts when a preview opens (never a static import: the console stays small).
  if (from.area === 'console' && dynamic && to.area === 'entry' && to.rest === 'define.ts') return null;
  if (!allowed.includes(to.area))
    return `${from.area}/ may not import ${to.area}/ (see scripts/eslint/layers.mjs)`;
  const fromSection = consoleSection(from);
  const toSection = consoleSection(to);
  if (fromSection && toSection && fromSection !== toSection && !dynamic) {
    const inside = to.rest.split('/').slice(2).join('/');
    if (inside !== 'define.ts') {
      return `a console section imports another only through its define.js or a dynamic import(): ${toSection}/${inside}`;
    }
  }
  if (from.area === 'elements' && to.area === 'elements') {
    const [fromElement] = from.rest.split('/');
    const [toElement, ...inside] = to.rest.split('/');
    if (fromElement !== toElement && !dynamic && inside.join('/') !== 'define.ts') {
      return `an element imports another element only through its define.js or a dynamic import(): ${toElement}/${inside.join('/')}`;
    }
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer arrows of src/ (see scripts/eslint/layers.mjs).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = placeOf(context.filename, root);
    if (!from) return {};
    function check(node, source, typeOnly, dynamic) {
      if (typeOnly || !source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value.replace(/\.js$/, '.ts'));
      const problem = verdict(from, placeOf(target, root), dynamic);
      if (problem) context.report({ node: source, message: problem });
    }
    return {
      ImportDeclaration: (node) =>
        // Only `import type` vanishes: with verbatimModuleSyntax, `import { type A }` still loads the module.
        check(node, node.source, node.importKind === 'type', false),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type', false),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type', false),
      ImportExpression: (node) => check(node, node.source, false, true),
    };
  },
};

export default { rules: { layers: rule } };
