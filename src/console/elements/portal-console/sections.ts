import { html, type TemplateResult } from 'lit';
import type { EmbedUrls } from '../../embed.js';

/** The console's sections, in navigation order; each is its own element, loaded when first shown. */
export const SECTION_IDS = ['settings', 'branding', 'customers', 'access', 'logs', 'share'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionEntry {
  /** Fetches the element's code (its define.js, a chunk of its own). */
  load: () => Promise<unknown>;
  /** The element, with a fixed tag (no tag built from data); `embed` is where the portal is served. */
  render: (embed: EmbedUrls) => TemplateResult;
}

/**
 * Where each section's element comes from. A section appears in the navigation once it is listed here;
 * its `id` is the URL hash (`#settings`), so a reload keeps the place.
 */
export const SECTIONS: Partial<Record<SectionId, SectionEntry>> = {
  settings: {
    load: () => import('../portal-console-settings/define.js'),
    render: () => html`<portal-console-settings></portal-console-settings>`,
  },
  branding: {
    load: () => import('../portal-console-branding/define.js'),
    render: () => html`<portal-console-branding></portal-console-branding>`,
  },
  customers: {
    load: () => import('../portal-console-customers/define.js'),
    // The preview shows the portal on the customer API the console's embed points at.
    render: (embed) => html`<portal-console-customers portal-api=${embed.apiUrl}></portal-console-customers>`,
  },
  access: {
    load: () => import('../portal-console-access/define.js'),
    render: () => html`<portal-console-access></portal-console-access>`,
  },
  logs: {
    load: () => import('../portal-console-logs/define.js'),
    render: () => html`<portal-console-logs></portal-console-logs>`,
  },
  share: {
    load: () => import('../portal-console-share/define.js'),
    render: (embed) =>
      html`<portal-console-share
        portal-url=${embed.portalUrl}
        script-url=${embed.scriptUrl}
        api-url=${embed.apiUrl}
      ></portal-console-share>`,
  },
};

/** The sections listed, in navigation order. */
export function availableSections(): SectionId[] {
  return SECTION_IDS.filter((id) => SECTIONS[id] !== undefined);
}

/** The section a URL hash names, or the first one. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  const available = availableSections();
  return available.find((each) => each === id) ?? available[0];
}
