// `npm run build`'s last step: custom-elements.json from the elements' JSDoc (the analyzer with
// ./plugin.mjs), then, from that manifest only, what editors and frameworks read:
//   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json   VS Code (html/css.customData)
//   dist/web-types.json                                                   JetBrains IDEs
//   dist/frameworks/react.d.ts, dist/frameworks/vue.d.ts (+ empty .js)    `portal-elements/react`, `/vue`
// An element added under src/elements/ appears in all of them with no edit here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const FRAMEWORKS = join(DIST, 'frameworks');
const TYPES = join(DIST, 'types');

/** The elements in the manifest, each with what a page can use of it. */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const fields = (declaration.members ?? []).filter((member) => member.kind === 'field');
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        module: module.path,
        description: declaration.description ?? '',
        attributes: declaration.attributes ?? [],
        properties: fields.filter((field) => !field.readonly),
        events: declaration.events ?? [],
        slots: declaration.slots ?? [],
        parts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The first paragraph: what lists and completions show. */
const lead = (text) =>
  (text ?? '')
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ')
    .trim();

/** `"a" | "b"` → [a, b], for the value completions of an attribute. */
function literalValues(type) {
  const parts = (type?.text ?? '').split('|').map((part) => part.trim());
  return parts.every((part) => /^["'][^"']*["']$/.test(part)) && parts.length > 1
    ? parts.map((part) => part.slice(1, -1))
    : [];
}

function vscodeHtml(elements) {
  return {
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tag,
      description: element.description,
      attributes: element.attributes.map((attribute) => {
        const values = literalValues(attribute.type);
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(values.length > 0 ? { values: values.map((name) => ({ name })) } : {}),
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
    })),
  };
}

function vscodeCss(elements) {
  const properties = new Map();
  const parts = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties) {
      if (!properties.has(property.name)) properties.set(property.name, property.description ?? '');
    }
    for (const part of element.parts) {
      const name = `::part(${part.name})`;
      const line = `<${element.tag}>: ${part.description ?? ''}`;
      parts.set(name, parts.has(name) ? `${parts.get(name)}\n\n${line}` : line);
    }
  }
  return {
    version: 1.1,
    properties: [...properties].map(([name, description]) => ({ name, description })),
    pseudoElements: [...parts].map(([name, description]) => ({ name, description })),
  };
}

function webTypes(elements, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tag,
          description: element.description,
          attributes: element.attributes.map((attribute) => ({
            name: attribute.name,
            description: attribute.description ?? '',
            value: { type: attribute.type?.text ?? 'string' },
          })),
          slots: element.slots.map((slot) => ({ name: slot.name, description: slot.description ?? '' })),
          js: {
            properties: element.properties.map((property) => ({
              name: property.name,
              description: property.description ?? '',
              type: property.type?.text ?? 'unknown',
            })),
            events: element.events.map((event) => ({
              name: event.name,
              description: event.description ?? '',
              type: event.type?.text ?? 'CustomEvent',
            })),
          },
          css: {
            properties: element.cssProperties.map((p) => ({
              name: p.name,
              description: p.description ?? '',
            })),
            parts: element.parts.map((part) => ({ name: part.name, description: part.description ?? '' })),
          },
        })),
      },
    },
  };
}

/** A JSDoc comment for generated types, safe to close. */
const doc = (text, indent) => (text ? `${indent}/** ${lead(text).replaceAll('*/', '*\\/')} */\n` : '');

/** `import type` lines for the element classes and the event type, relative to dist/frameworks/. */
function typeImports(elements) {
  const fromTypes = (path) => relative(FRAMEWORKS, join(TYPES, path)).replace(/\.ts$/, '.js');
  const lines = elements.map(
    (element) =>
      `import type { ${element.className} } from '${fromTypes(element.module.replace(/^src\//, ''))}';`,
  );
  lines.push(`import type { PortalEvent } from '${fromTypes('core/events.ts')}';`);
  return lines.join('\n');
}

/** Properties by name, plus attributes whose names differ, each typed from the element class. */
function propsType(element, indent) {
  const lines = [];
  for (const property of element.properties) {
    lines.push(
      `${doc(property.description, indent)}${indent}${property.name}?: ${element.className}['${property.name}'];`,
    );
  }
  for (const attribute of element.attributes) {
    if (!attribute.fieldName || attribute.name === attribute.fieldName) continue;
    lines.push(
      `${doc(attribute.description, indent)}${indent}'${attribute.name}'?: ${element.className}['${attribute.fieldName}'];`,
    );
  }
  return lines.join('\n');
}

const HEADER = (what) =>
  `// Generated by scripts/manifest/build.mjs from custom-elements.json: ${what}. Do not edit.\n`;

function reactTypes(elements) {
  const entries = elements.map((element) => {
    const events = element.events.map(
      (event) =>
        `${doc(event.description, '          ')}          'on${event.name}'?: (event: PortalEvent<'${event.name}'>) => void;`,
    );
    return `${doc(element.description, '      ')}      '${element.tag}': ElementProps<
        ${element.className},
        {
${propsType(element, '          ')}
        },
        {
${events.join('\n')}
        }
      >;`;
  });
  return `${HEADER('React 19 JSX types for every portal element')}
/*
 * React 19 sets a prop on a custom element as a property when the element has one (\`adapter\`,
 * \`invoiceId\`), otherwise as an attribute (\`theme-color\`), and turns \`on<event-name>\` into
 * addEventListener('<event-name>'): so events are written \`onportal-payment={…}\`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${typeImports(elements)}

type ElementProps<E extends HTMLElement, Props, Events> = Omit<
  DetailedHTMLProps<HTMLAttributes<E>, E>,
  keyof Props | keyof Events
> &
  Props &
  Events;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

function vueTypes(elements) {
  const entries = elements.map((element) => {
    const events = element.events.map((event) => `        '${event.name}': PortalEvent<'${event.name}'>;`);
    return `${doc(element.description, '    ')}    '${element.tag}': PortalCustomElement<
      ${element.className},
      {
${propsType(element, '        ')}
      },
      {
${events.join('\n')}
      }
    >;`;
  });
  return `${HEADER('Vue 3 template types for every portal element')}
/*
 * The shape Vue's guide gives for custom elements in \`GlobalComponents\`: vue-tsc then checks the
 * props and attributes on each tag and types the event of \`@portal-payment="…"\`. Tell Vue's compiler
 * that \`portal-*\` tags are custom elements (\`compilerOptions.isCustomElement\`).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${typeImports(elements)}

type PortalCustomElement<E extends HTMLElement, Props, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated For template type checking only: a custom element has no \`$props\`. */
  $props: HTMLAttributes & Partial<Props> & PublicProps;
  /** @deprecated For template type checking only: a custom element has no \`$emit\`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}
`;
}

const EMPTY_MODULE = (what) =>
  `// ${what}: types only (see the .d.ts beside this file); importing it does nothing at run time.\nexport {};\n`;

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
}

export function writeIntegrations(manifest, pkg) {
  const elements = elementsOf(manifest);
  write(join(DIST, 'vscode.html-custom-data.json'), vscodeHtml(elements));
  write(join(DIST, 'vscode.css-custom-data.json'), vscodeCss(elements));
  write(join(DIST, 'web-types.json'), webTypes(elements, pkg));
  write(join(FRAMEWORKS, 'react.d.ts'), reactTypes(elements));
  write(join(FRAMEWORKS, 'react.js'), EMPTY_MODULE('portal-elements/react'));
  write(join(FRAMEWORKS, 'vue.d.ts'), vueTypes(elements));
  write(join(FRAMEWORKS, 'vue.js'), EMPTY_MODULE('portal-elements/vue'));
  return elements;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('@custom-elements-manifest/analyzer/package.json')), 'cem.js');
  execFileSync(process.execPath, [cli, 'analyze', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(DIST, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const elements = writeIntegrations(manifest, pkg);
  console.log(`custom-elements.json and its editor and framework files: ${elements.length} elements.`);
}
