import * as z from 'zod/mini';
import { Id, ShortText, StorableText } from './common.js';

/** Merchant content: policies, contact information, custom pages. `html` is sanitized before display. */
export const ContentPage = z.object({
  id: Id,
  slug: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  kind: z.enum(['policy', 'contact', 'custom']),
  title: ShortText,
  html: StorableText.check(z.maxLength(200_000)),
});
export type ContentPage = z.infer<typeof ContentPage>;
