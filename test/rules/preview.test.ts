import { expect } from '@open-wc/testing';
import { OPERATION_NAMES } from '../../src/contract/operations.js';
import {
  isPreviewRefusal,
  previewAllows,
  previewRefusal,
  requirePreviewAllows,
} from '../../src/rules/preview.js';

describe('the preview rule', () => {
  it('allows every read and signing out, nothing that changes something', () => {
    const allowed = OPERATION_NAMES.filter(previewAllows);
    expect(allowed).to.include.members([
      'getSession',
      'getSettings',
      'listInvoices',
      'getInvoicePdf',
      'signOut',
    ]);
    for (const name of [
      'payInvoice',
      'addCard',
      'addBankAccount',
      'removePaymentMethod',
      'setDefaultPaymentMethod',
      'updateProfile',
      'updateTaxIds',
      'requestEmailChange',
      'changePassword',
      'addInvoiceNote',
      'subscribe',
      'changeSubscription',
      'cancelSubscription',
      'pauseSubscription',
      'resumeSubscription',
      'undoCancelSubscription',
      'createQuickOrderToken',
      'signIn',
    ] as const) {
      expect(previewAllows(name), name).to.equal(false);
    }
  });

  it('refuses with forbidden, only under a preview session', () => {
    expect(() => requirePreviewAllows({ preview: false }, 'payInvoice')).not.to.throw();
    expect(() => requirePreviewAllows(null, 'payInvoice')).not.to.throw();
    expect(() => requirePreviewAllows({ preview: true }, 'listInvoices')).not.to.throw();
    let refusal: unknown;
    try {
      requirePreviewAllows({ preview: true }, 'payInvoice');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.have.property('code', 'forbidden');
    expect(isPreviewRefusal(refusal as ReturnType<typeof previewRefusal>)).to.equal(true);
  });
});
