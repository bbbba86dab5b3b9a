/**
 * The shape of a VAT (or GST, business) number per country, written once: the element checks a number
 * before sending it and both backends refuse one of the wrong shape with the same rule. Only the format
 * is judged here; whether a tax registry knows the number is the server's `TaxIdVerifier`.
 *
 * A number is read the way people copy it: any case, with spaces, dots or dashes. Its country is the one
 * its prefix names (`DE…`, `EL…` for Greece, `CHE-…` for Switzerland); a number without a prefix belongs
 * to the billing address's country. A country we hold no rule for accepts any number: the customer is
 * never blocked by our table (a valid Chilean RUT must not be refused because we do not know Chile).
 */
interface VatFormat {
  /** The body after the prefix (prefix and separators removed). */
  pattern: RegExp;
  /** A number of the right shape, shown to the customer as an example. */
  example: string;
  /** Extra check digits (Australia's ABN); the pattern alone for everyone else. */
  checksum?: (body: string) => boolean;
}

/** Australia's ABN: subtract 1 from the first digit, weigh, and the sum divides by 89. */
function abnChecksum(body: string): boolean {
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  const digits = body.split('').map(Number);
  digits[0] -= 1;
  return digits.reduce((sum, digit, index) => sum + digit * weights[index], 0) % 89 === 0;
}

const EU: Record<string, VatFormat> = {
  AT: { pattern: /^U\d{8}$/, example: 'ATU12345678' },
  BE: { pattern: /^[01]\d{9}$/, example: 'BE0123456789' },
  BG: { pattern: /^\d{9,10}$/, example: 'BG123456789' },
  CY: { pattern: /^\d{8}[A-Z]$/, example: 'CY12345678L' },
  CZ: { pattern: /^\d{8,10}$/, example: 'CZ12345678' },
  DE: { pattern: /^\d{9}$/, example: 'DE123456789' },
  DK: { pattern: /^\d{8}$/, example: 'DK12345678' },
  EE: { pattern: /^\d{9}$/, example: 'EE123456789' },
  GR: { pattern: /^\d{9}$/, example: 'EL123456789' },
  ES: { pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESX1234567X' },
  FI: { pattern: /^\d{8}$/, example: 'FI12345678' },
  FR: { pattern: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, example: 'FR12345678901' },
  HR: { pattern: /^\d{11}$/, example: 'HR12345678901' },
  HU: { pattern: /^\d{8}$/, example: 'HU12345678' },
  IE: { pattern: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567T' },
  IT: { pattern: /^\d{11}$/, example: 'IT12345678901' },
  LT: { pattern: /^(\d{9}|\d{12})$/, example: 'LT123456789' },
  LU: { pattern: /^\d{8}$/, example: 'LU12345678' },
  LV: { pattern: /^\d{11}$/, example: 'LV12345678901' },
  MT: { pattern: /^\d{8}$/, example: 'MT12345678' },
  NL: { pattern: /^\d{9}B\d{2}$/, example: 'NL123456789B01' },
  PL: { pattern: /^\d{10}$/, example: 'PL1234567890' },
  PT: { pattern: /^\d{9}$/, example: 'PT123456789' },
  RO: { pattern: /^\d{2,10}$/, example: 'RO1234567890' },
  SE: { pattern: /^\d{10}01$/, example: 'SE123456789001' },
  SI: { pattern: /^\d{8}$/, example: 'SI12345678' },
  SK: { pattern: /^\d{10}$/, example: 'SK1234567890' },
};

const UK: VatFormat = { pattern: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, example: 'GB123456789' };

export const VAT_FORMATS: Readonly<Record<string, VatFormat>> = {
  ...EU,
  GB: UK,
  /** Northern Ireland trades under XI numbers of the UK's shape. */
  XI: { ...UK, example: 'XI123456789' },
  CH: { pattern: /^\d{9}(MWST|TVA|IVA)?$/, example: 'CHE-123.456.789 MWST' },
  NO: { pattern: /^\d{9}(MVA)?$/, example: 'NO123456789MVA' },
  AU: { pattern: /^\d{11}$/, example: '51 824 753 556', checksum: abnChecksum },
  CA: { pattern: /^\d{9}(RT\d{4})?$/, example: '123456789RT0001' },
};

/** The prefixes a number may start with, and the country each names (Greece writes EL). */
const PREFIXES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.keys(EU).map((code) => [code === 'GR' ? 'EL' : code, code])),
  GB: 'GB',
  XI: 'XI',
  CHE: 'CH',
  NO: 'NO',
};

/** The number as compared: upper case, without spaces, dots or dashes. */
export function compactTaxId(text: string): string {
  return text.toUpperCase().replace(/[\s.\-/]/g, '');
}

/** The country a VAT number belongs to and its body: by its prefix, else the billing country. */
export function vatCountryOf(
  number: string,
  billingCountry: string | undefined,
): { country: string | undefined; body: string } {
  const compact = compactTaxId(number);
  for (const length of [3, 2]) {
    const country = PREFIXES[compact.slice(0, length)];
    if (country) return { country, body: compact.slice(length) };
  }
  return { country: billingCountry, body: compact };
}

/** Whether a VAT number has its country's shape; a country without a rule (or no country) accepts any. */
export function vatNumberFits(number: string, billingCountry: string | undefined): boolean {
  if (number.trim() === '') return true;
  const { country, body } = vatCountryOf(number, billingCountry);
  const format = country ? VAT_FORMATS[country] : undefined;
  if (!format) return true;
  return format.pattern.test(body) && (!format.checksum || format.checksum(body));
}

/** A well-formed example for the country a number (or the billing address) points at, if we know it. */
export function vatExample(number: string, billingCountry: string | undefined): string | undefined {
  const { country } = vatCountryOf(number, billingCountry);
  return country ? VAT_FORMATS[country]?.example : undefined;
}
