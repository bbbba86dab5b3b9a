import DOMPurify, { type Config } from 'dompurify';

/**
 * The Trusted Types policy through which the merchant's HTML reaches the page. A storefront that enforces
 * Trusted Types lists it beside Lit's: `trusted-types lit-html portal-elements#content`.
 */
export const CONTENT_POLICY_NAME = 'portal-elements#content';

/**
 * What a merchant's page may keep: text formatting, lists, tables, quotes, addresses and links — nothing
 * that runs (script, handlers, javascript: URLs), loads (frames, objects, images, fonts, stylesheets),
 * submits (forms) or styles (style elements and attributes, classes, ids), so the page can neither act nor
 * reach outside its box. Headings start at h4: the page’s own title is an h3 (under the list’s h2 groups); h1–h3 keep their text only.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'small',
    'sub',
    'sup',
    'mark',
    'abbr',
    'code',
    'pre',
    'blockquote',
    'q',
    'cite',
    'address',
    'span',
    'a',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'h4',
    'h5',
    'h6',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'start', 'reversed'],
  // Web and mail links, phone numbers, and paths on the store's own site; nothing else (no data:, no
  // javascript:, no protocol-relative //host).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|\/(?![/\\]))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

let purify: ReturnType<typeof DOMPurify> | undefined;

/**
 * A private DOMPurify instance, made on first use (importing this module touches no `window`): its hook
 * never touches another library's use of DOMPurify.
 */
function purifier(): ReturnType<typeof DOMPurify> {
  if (purify) return purify;
  purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links open in the same tab (a new tab is the customer's choice, WCAG G201) and, should a page's
    // own code ever open one, give it no handle on the portal and no referrer.
    if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  return purify;
}

/** A start tag, its quoted attribute values included (a `>` inside quotes does not end it). */
const START_TAG = /<[a-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
/** An inline handler or style attribute name inside a start tag (`style=`, ` onclick =`, `/onload=`). */
const INLINE_ATTRIBUTE = /([\s/])(on[a-z]+|style)(?=\s*=)/gi;

/**
 * Renames inline handler and style attributes before the browser parses the HTML. Not for safety
 * (DOMPurify removes them, renamed or not, and nothing parsed in DOMPurify's inert document runs): the
 * browser checks them against the page's CSP while parsing, even in an inert document, and reports each
 * one as a violation. Renamed to a `data-` attribute, they reach DOMPurify, which drops them, and the
 * page's CSP report stays clean. Anything this misses is still removed; it would only be reported.
 */
function withoutInlineAttributes(html: string): string {
  return html.replace(START_TAG, (tag) => tag.replace(INLINE_ATTRIBUTE, '$1data-portal-removed-$2'));
}

/** A TrustedHTML where the browser has Trusted Types, else the sanitized string. */
export type SafeHtml = string | { readonly __brand?: 'TrustedHTML' };

export interface ContentSanitizer {
  /** The merchant's HTML with everything outside CONFIG removed, ready for `innerHTML`. */
  sanitize(html: string): SafeHtml;
}

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createHTML: (html: string) => string; createScriptURL: (url: string) => string },
  ): unknown;
}

let sanitizer: ContentSanitizer | null | undefined;

/**
 * The content sanitizer, made once per page. Where the browser has Trusted Types it owns the
 * `portal-elements#content` policy and hands it to DOMPurify alone: DOMPurify uses it to parse the
 * merchant's HTML into an inert document (DOMParser: nothing runs or loads there) and to sign what is
 * left after sanitizing. The policy object never leaves this module, so nothing else can mint
 * TrustedHTML with it. Null when the page's CSP does not allow the policy: the content is then not shown.
 */
export function contentSanitizer(): ContentSanitizer | null {
  if (sanitizer === undefined) sanitizer = createSanitizer();
  return sanitizer;
}

function createSanitizer(): ContentSanitizer | null {
  const factory = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) {
    return {
      sanitize: (html) =>
        purifier().sanitize(withoutInlineAttributes(html), { ...CONFIG, TRUSTED_TYPES_POLICY: null }),
    };
  }
  let policy: unknown;
  try {
    policy = factory.createPolicy(CONTENT_POLICY_NAME, {
      createHTML: (html) => html,
      // Nothing the configuration keeps takes a script URL; should anything ask, it is refused.
      createScriptURL: () => {
        throw new TypeError('merchant content carries no script URLs');
      },
    });
  } catch {
    console.error(
      `<portal-content>: this page's Content-Security-Policy does not allow the Trusted Types policy ` +
        `"${CONTENT_POLICY_NAME}"; add it to the trusted-types directive to show the merchant's pages.`,
    );
    return null;
  }
  const config = {
    ...CONFIG,
    TRUSTED_TYPES_POLICY: policy as Config['TRUSTED_TYPES_POLICY'],
    RETURN_TRUSTED_TYPE: true,
  } as Config & { RETURN_TRUSTED_TYPE: true };
  return { sanitize: (html) => purifier().sanitize(withoutInlineAttributes(html), config) as SafeHtml };
}
