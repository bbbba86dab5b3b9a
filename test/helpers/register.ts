/**
 * The register checks of the catalogs: the portal speaks Spanish with *usted*, so a Spanish message with a
 * *tú* pronoun, possessive or imperative is a slip. A function's message is checked in its source text,
 * so every branch of it is.
 */

/** A function's source text with the `\xF3`-style escapes a bundler writes for non-ASCII letters undone. */
function sourceOf(message: (...values: never[]) => string): string {
  return String(message).replace(/\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))/giu, (_, x?: string, u?: string) =>
    String.fromCharCode(parseInt(x ?? u!, 16)),
  );
}

/** Every message of a catalog; a function as its source text (its wording is in its template literals). */
export function messagesOf(catalog: unknown): string[] {
  if (typeof catalog === 'string') return [catalog];
  if (typeof catalog === 'function') return [sourceOf(catalog as (...values: never[]) => string)];
  if (catalog && typeof catalog === 'object') return Object.values(catalog).flatMap(messagesOf);
  return [];
}

/** *Tú* words: pronouns and possessives, and the imperatives the catalogs use (usted: Elija, Complete…). */
const TU =
  /\b(tu|tus|te|ti|contigo|tienes|puedes|quieres|prefieres|Elige|Elígela|Completa|Añade|Añádela|Introduce|Escribe|Pide|Pulsa|Vuelve|Revisa|Revísalo|Revísala|Confirma|Confírmalo|Indica|Cuéntanos|Contáctanos|Inténtalo|Ponte|Actualiza|Quédate|Déjalo)\b/u;

/** The Spanish messages of a catalog that speak *tú*. */
export function informalSpanish(catalog: unknown): string[] {
  return messagesOf(catalog).filter((message) => TU.test(message));
}
