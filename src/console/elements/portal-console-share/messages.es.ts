import type { ShareMessages } from './messages.en.js';

export const es: ShareMessages = {
  linkHeading: 'Enlace al portal',
  linkIntro: 'Envíe aquí a sus clientes para que inicien sesión en su portal de facturación.',
  linkLabel: 'Enlace al portal',
  copyLink: 'Copiar enlace',
  snippetHeading: 'Insertar el portal',
  snippetIntro:
    'Pegue este código en cualquier página de su sitio. Al cargarse, el portal toma de su configuración los colores, el logotipo y lo que pueden hacer sus clientes, así que el código no cambia cuando usted los cambia.',
  snippetLabel: 'Código para insertar',
  language: 'Idioma del portal',
  languageHint: 'El idioma de la propia página, o el que usted elija.',
  pageLanguage: 'El idioma de la página',
  languages: { en: 'Inglés', fr: 'Francés', es: 'Español', de: 'Alemán', ar: 'Árabe' },
  copySnippet: 'Copiar código',
  copied: 'Copiado en el portapapeles.',
  copyFallback: 'El texto está seleccionado: pulse Ctrl+C (⌘C en un Mac) para copiarlo.',
};
