import { expect } from '@open-wc/testing';
import { VAT_FORMATS, vatCountryOf, vatExample, vatNumberFits } from '../../src/model/index.js';

const EU = 'AT BE BG CY CZ DE DK EE GR ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');

describe('VAT number formats', () => {
  it('has a rule for every EU member state, GB, CH, NO, AU and CA, whose own example fits', () => {
    for (const country of [...EU, 'GB', 'CH', 'NO', 'AU', 'CA']) {
      const format = VAT_FORMATS[country];
      expect(format, country).to.exist;
      expect(vatNumberFits(format.example, country), `${country} example ${format.example}`).to.be.true;
    }
  });

  it('reads the country from the prefix (EL for Greece, CHE for Switzerland), else the billing country', () => {
    expect(vatCountryOf('EL123456789', 'FR').country).to.equal('GR');
    expect(vatCountryOf('CHE-123.456.789 MWST', undefined)).to.deep.equal({
      country: 'CH',
      body: '123456789MWST',
    });
    expect(vatCountryOf('123456789RT0001', 'CA').country).to.equal('CA');
    expect(vatCountryOf('de 123 456 789', 'FR')).to.deep.equal({ country: 'DE', body: '123456789' });
  });

  it('refuses numbers of the wrong shape for their country', () => {
    for (const [number, billing] of [
      ['FR123', 'FR'],
      ['DE12345678', undefined],
      ['ATU1234567', undefined],
      ['NL123456789B1', undefined],
      ['GB12345678', undefined],
      ['NO12345678MVA', undefined],
      ['CHE-123.456.78', undefined],
      ['51 824 753 557', 'AU'],
      ['12345678', 'CA'],
    ] as const) {
      expect(vatNumberFits(number, billing), `${number} (${billing})`).to.be.false;
    }
  });

  it('accepts what it has no rule for, and blank', () => {
    expect(vatNumberFits('76.086.428-5', 'CL'), 'a Chilean RUT').to.be.true;
    expect(vatNumberFits('anything', undefined)).to.be.true;
    expect(vatNumberFits('  ', 'FR')).to.be.true;
  });

  it('offers the example of the country a number points at', () => {
    expect(vatExample('', 'FR')).to.equal('FR12345678901');
    expect(vatExample('DE1', 'FR')).to.equal('DE123456789');
    expect(vatExample('', 'CL')).to.equal(undefined);
  });
});
