/**
 * Branding: a merchant's theme colour becomes a small set of CSS custom properties, and a logo URL is
 * accepted only from places that cannot run script or leak the customer (https, same origin, raster data).
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface ThemeTokens {
  '--portal-color-primary': string;
  '--portal-color-primary-hover': string;
  '--portal-color-primary-active': string;
  /** Text on a primary background: black or white, whichever contrasts more (always ≥ 4.58:1). */
  '--portal-color-on-primary': string;
  /** Primary used as text or focus ring on the light surface, darkened until it reaches 4.5:1. */
  '--portal-color-primary-text-light': string;
  /** The same on the dark surface, lightened until it reaches 4.5:1. */
  '--portal-color-primary-text-dark': string;
}

/** The surfaces the portal's stylesheet paints on (see ui/styles.ts); tokens are checked against them. */
export const LIGHT_SURFACE: Rgb = { r: 255, g: 255, b: 255 };
export const DARK_SURFACE: Rgb = { r: 17, g: 24, b: 39 };

let probe: CanvasRenderingContext2D | null = null;

/**
 * Reads any CSS colour the browser understands (names, hex, rgb, hsl, oklch…) as opaque sRGB, by painting
 * it: the browser's own parser decides. Null for anything that is not a colour or is see-through.
 */
export function parseColor(value: string): Rgb | null {
  const text = value.trim();
  if (text === '' || text.length > 100 || !CSS.supports('color', text)) return null;
  if (/^(currentcolor|inherit|initial|unset|revert|revert-layer)$/i.test(text) || /var\(/i.test(text))
    return null;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = text;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, alpha] = probe.getImageData(0, 0, 1, 1).data;
  if (alpha < 255) return null;
  return { r, g, b };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance. */
export function luminance(color: Rgb): number {
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export function toHex(color: Rgb): string {
  return `#${[color.r, color.g, color.b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(color: Rgb, toward: Rgb, amount: number): Rgb {
  return {
    r: Math.round(color.r + (toward.r - color.r) * amount),
    g: Math.round(color.g + (toward.g - color.g) * amount),
    b: Math.round(color.b + (toward.b - color.b) * amount),
  };
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** Moves `color` toward black or white in small steps until it reaches `ratio` against `surface`. */
function withContrast(color: Rgb, surface: Rgb, ratio: number): Rgb {
  const toward = luminance(surface) > 0.5 ? BLACK : WHITE;
  let candidate = color;
  for (let step = 1; contrastRatio(candidate, surface) < ratio && step <= 20; step += 1) {
    candidate = mix(color, toward, step / 20);
  }
  return candidate;
}

export function themeTokens(primary: Rgb): ThemeTokens {
  const onPrimary = contrastRatio(primary, WHITE) >= contrastRatio(primary, BLACK) ? WHITE : BLACK;
  // Hover and active shades move away from the text colour so the text stays readable on them.
  const shadeToward = onPrimary === WHITE ? BLACK : WHITE;
  return {
    '--portal-color-primary': toHex(primary),
    '--portal-color-primary-hover': toHex(mix(primary, shadeToward, 0.12)),
    '--portal-color-primary-active': toHex(mix(primary, shadeToward, 0.22)),
    '--portal-color-on-primary': toHex(onPrimary),
    '--portal-color-primary-text-light': toHex(withContrast(primary, LIGHT_SURFACE, 4.5)),
    '--portal-color-primary-text-dark': toHex(withContrast(primary, DARK_SURFACE, 4.5)),
  };
}

export type ThemeResult = { ok: true; tokens: ThemeTokens } | { ok: false; reason: string };

/** Validates a merchant's `theme-color` and derives the token set. */
export function themeFromColor(value: string): ThemeResult {
  const color = parseColor(value);
  if (!color) return { ok: false, reason: `theme-color "${value}" is not an opaque CSS colour` };
  return { ok: true, tokens: themeTokens(color) };
}

const DATA_IMAGE = /^data:image\/(png|jpeg|webp);base64,[a-z0-9+/]+={0,2}$/i;

/**
 * A logo URL the portal may show: https anywhere, any URL on the page's own origin, or an inline PNG,
 * JPEG or WebP. SVG (which can carry script), javascript:, blob: and plain-http third parties are refused.
 */
export function safeLogoUrl(value: string, base: string = document.baseURI): string | null {
  const text = value.trim();
  if (text.startsWith('data:')) return DATA_IMAGE.test(text) && text.length <= 200_000 ? text : null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url.href;
  const origin = new URL(base).origin;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin) return url.href;
  return null;
}
