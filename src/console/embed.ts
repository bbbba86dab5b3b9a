/** Where the embedded portal is served: what Share shows and its snippet points at. */
/** Where the embedded portal comes from, as absolute URLs. */
export interface EmbedUrls {
  /** The page customers open to reach their portal. */
  portalUrl: string;
  /** The self-registering script bundle (`portal.js`). */
  scriptUrl: string;
  /** The customer API the portal talks to. */
  apiUrl: string;
}

/** The defaults of the reference server: the storefront, its bundle and its API on the page's origin. */
export function defaultEmbedUrls(origin: string): EmbedUrls {
  return { portalUrl: `${origin}/`, scriptUrl: `${origin}/portal.js`, apiUrl: `${origin}/portal-api` };
}
