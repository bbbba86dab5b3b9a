import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DARK_SURFACE,
  LIGHT_SURFACE,
  contrastRatio,
  parseColor,
  safeLogoUrl,
  themeFromColor,
  themeTokens,
} from '../../src/core/theme.js';

function hexToRgb(hex: string) {
  return {
    r: parseInt(hex.slice(1, 3), 16),
    g: parseInt(hex.slice(3, 5), 16),
    b: parseInt(hex.slice(5, 7), 16),
  };
}

describe('theme', () => {
  it('reads any CSS colour the browser understands', () => {
    expect(parseColor('#0f766e')).to.deep.equal({ r: 15, g: 118, b: 110 });
    expect(parseColor('rebeccapurple')).to.deep.equal({ r: 102, g: 51, b: 153 });
    expect(parseColor('hsl(0 100% 50%)')).to.deep.equal({ r: 255, g: 0, b: 0 });
    expect(parseColor('oklch(0.5 0.1 180)')).not.to.equal(null);
  });

  it('refuses what is not an opaque colour', () => {
    for (const bad of [
      '',
      'teal; background: url(x)',
      'transparent',
      'rgb(0 0 0 / 50%)',
      'currentColor',
      'var(--x)',
      'expression(alert(1))',
      '#12345',
    ]) {
      expect(parseColor(bad), bad).to.equal(null);
    }
    const result = themeFromColor('not-a-colour');
    expect(result.ok).to.equal(false);
  });

  it('turns the Northwind teal into tokens with readable text', () => {
    const tokens = themeTokens(parseColor('#0f766e')!);
    expect(tokens['--portal-color-primary']).to.equal('#0f766e');
    expect(tokens['--portal-color-on-primary']).to.equal('#ffffff');
  });

  it('always picks text on the brand colour with at least 4.5:1 contrast, and primary text that reads on both surfaces', () => {
    const channel = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(channel, channel, channel, (r, g, b) => {
        const tokens = themeTokens({ r, g, b });
        const primary = { r, g, b };
        expect(contrastRatio(hexToRgb(tokens['--portal-color-on-primary']), primary)).to.be.at.least(4.5);
        expect(
          contrastRatio(
            hexToRgb(tokens['--portal-color-on-primary']),
            hexToRgb(tokens['--portal-color-primary-hover']),
          ),
        ).to.be.at.least(4.5);
        expect(
          contrastRatio(hexToRgb(tokens['--portal-color-primary-text-light']), LIGHT_SURFACE),
        ).to.be.at.least(4.5);
        expect(
          contrastRatio(hexToRgb(tokens['--portal-color-primary-text-dark']), DARK_SURFACE),
        ).to.be.at.least(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts logos from https, the page’s own origin and raster data URLs only', () => {
    const base = 'https://shop.example/account/';
    expect(safeLogoUrl('https://cdn.example/logo.png', base)).to.equal('https://cdn.example/logo.png');
    expect(safeLogoUrl('/logo.png', base)).to.equal('https://shop.example/logo.png');
    expect(safeLogoUrl('data:image/png;base64,iVBORw0KGgo=', base)).to.equal(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(safeLogoUrl('data:image/webp;base64,UklGRg==', base)).not.to.equal(null);
    expect(safeLogoUrl('/logo.png', 'http://localhost:8080/')).to.equal('http://localhost:8080/logo.png');
    for (const bad of [
      'javascript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      'http://cdn.example/logo.png',
      'blob:https://shop.example/123',
      'data:image/png;base64,not base64!',
    ]) {
      expect(safeLogoUrl(bad, base), bad).to.equal(null);
    }
  });
});
