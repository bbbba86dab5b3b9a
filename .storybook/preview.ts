/// <reference types="vite/client" />
import { ArgTypes, Description, Primary, Title } from '@storybook/addon-docs/blocks';
import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { Fragment, createElement } from 'react';
import { storyFrame } from '../stories/support/frame.js';

/**
 * The manifest `npm run build` writes (scripts/manifest/build.mjs): docs pages and controls are derived
 * from it. Read through a glob so that a Storybook started before any build still opens, without them.
 */
const manifests = import.meta.glob<{ default: unknown }>('../dist/custom-elements.json', { eager: true });
for (const manifest of Object.values(manifests)) setCustomElementsManifest(manifest.default);

/**
 * Toolbar switches for the designer: the merchant's theme colour and the customer's locale apply to
 * every story (see stories/support/frame.ts).
 */
const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    themeColor: {
      description: 'Merchant theme colour',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: '#0f766e', title: 'Northwind teal' },
          { value: '#7c3aed', title: 'Violet' },
          { value: '#f59e0b', title: 'Amber (light brand colour)' },
          { value: '#111827', title: 'Near black' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Customer locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (US)' },
          { value: 'fr-FR', title: 'Français' },
          { value: 'es-ES', title: 'Español' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'ar-EG', title: 'العربية (right to left)' },
          { value: 'en-XA', title: 'Pseudo-locale (40 % longer, bracketed)' },
        ],
        dynamicTitle: true,
      },
    },
    colorScheme: {
      description: 'Page colour scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light page' },
          { value: 'light dark', title: 'Follow the system (light dark)' },
          { value: 'dark', title: 'Dark page' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { themeColor: '#0f766e', locale: 'en-US', colorScheme: 'light' },
  decorators: [
    (story, context) =>
      storyFrame(story(), {
        themeColor: context.globals.themeColor as string,
        locale: context.globals.locale as string,
        colorScheme: context.globals.colorScheme as string,
      }),
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // An element's docs page: its description, one live example with controls, and its whole API from
    // the manifest. The other states are the element's stories; here they would put several copies of
    // the same landmarks and forms on one page.
    docs: {
      page: () =>
        createElement(
          Fragment,
          null,
          createElement(Title),
          createElement(Description),
          createElement(Primary),
          createElement(ArgTypes),
        ),
    },
  },
};

export default preview;
