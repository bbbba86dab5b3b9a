import { LOGO_MAX_BYTES, type LogoUpload } from '../../../model/index.js';

/** A logo file the merchant chose, checked in the browser before it is sent (the server checks again). */
export type LogoChoice =
  | { ok: true; upload: LogoUpload; previewUrl: string }
  | { ok: false; problem: 'type' | 'size' | 'unreadable' };

const TYPES = ['image/png', 'image/jpeg'] as const;

function isLogoType(type: string): type is LogoUpload['contentType'] {
  return (TYPES as readonly string[]).includes(type);
}

/**
 * Reads a chosen file: PNG or JPG, at most 2 MB, as base64 for the upload and as a data: URL for the
 * preview (the console's CSP allows `img-src data:`, not `blob:`).
 */
export async function readLogo(file: File): Promise<LogoChoice> {
  if (!isLogoType(file.type)) return { ok: false, problem: 'type' };
  if (file.size > LOGO_MAX_BYTES) return { ok: false, problem: 'size' };
  let previewUrl: string;
  try {
    previewUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsDataURL(file);
    });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const data = previewUrl.slice(previewUrl.indexOf(',') + 1);
  return { ok: true, upload: { contentType: file.type, data }, previewUrl };
}
