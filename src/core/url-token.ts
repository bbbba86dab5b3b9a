/**
 * Tokens that emailed links carry in the page URL (sign-in, reset, email change). Only values shaped like
 * the tokens backends issue are read: the URL is attacker-controlled, and a value that could carry
 * anything else is ignored rather than sent (client-side CSRF, R-ML-04).
 */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,256}$/;

export function readUrlToken(param: string): string | undefined {
  const value = new URLSearchParams(location.search).get(param);
  return value !== null && TOKEN_SHAPE.test(value) ? value : undefined;
}

/**
 * Takes a used or dead token out of the address bar (so it is not bookmarked, shared or reused on
 * reload) and keeps every other parameter of the merchant's page.
 */
export function removeUrlToken(param: string): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(param)) return;
  url.searchParams.delete(param);
  history.replaceState(history.state, '', url);
}
