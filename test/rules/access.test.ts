import { expect } from '@open-wc/testing';
import type { AccessRule, SignUp } from '../../src/model/index.js';
import { accessRuleFor, assertNoOverlap, checkSignUp, emailDomain } from '../../src/rules/access.js';
import { refusal, settingsWith } from './helpers.js';

const rules: AccessRule[] = [
  { id: 'rule_domain', customerId: 'cus_company', kind: 'domain', value: 'analytical.example' },
  { id: 'rule_grace', customerId: 'cus_grace', kind: 'email', value: 'grace@example.net' },
  { id: 'rule_charles', customerId: 'cus_charles', kind: 'email', value: 'charles@other.example' },
];

describe('rules/access', () => {
  describe('passwordless access', () => {
    it('matches whole domains exactly and addresses case-insensitively', () => {
      expect(emailDomain('Ada@Analytical.Example')).to.equal('analytical.example');
      expect(accessRuleFor(rules, 'ada@ANALYTICAL.example')?.id).to.equal('rule_domain');
      expect(accessRuleFor(rules, ' Grace@Example.net ')?.id).to.equal('rule_grace');
      expect(accessRuleFor(rules, 'ada@sub.analytical.example'), 'no subdomains').to.equal(undefined);
      expect(accessRuleFor(rules, 'someone@example.net')).to.equal(undefined);
    });

    it('refuses rules that overlap, with the value taken', () => {
      const cases = [
        { kind: 'domain', value: 'Analytical.example' },
        { kind: 'email', value: 'ada@analytical.example' },
        { kind: 'domain', value: 'example.net' },
        { kind: 'email', value: 'grace@example.net' },
      ] as const;
      for (const rule of cases) {
        const error = refusal(() => assertNoOverlap(rules, { customerId: 'cus_x', ...rule }));
        expect(error.code, rule.value).to.equal('conflict');
        expect(error.fieldErrors).to.deep.equal([{ path: 'value', code: 'taken' }]);
      }
      expect(() =>
        assertNoOverlap(rules, { customerId: 'cus_x', kind: 'domain', value: 'new.example' }),
      ).not.to.throw();
    });
  });

  describe('sign-up', () => {
    const request: SignUp = { email: 'new@example.org', password: 'a-long-password', name: 'New' };

    it('reports every missing requirement, an unusable card and a taken address at once', () => {
      const strict = settingsWith((s) => {
        s.accountCreation.required = {
          card: true,
          bankAccount: true,
          billingAddress: true,
          shippingAddress: true,
        };
      });
      const error = refusal(() =>
        checkSignUp({ settings: strict, request, cardUsable: false, emailTaken: true }),
      );
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([
        { path: 'billingAddress', code: 'required' },
        { path: 'shippingAddress', code: 'required' },
        { path: 'cardToken', code: 'required' },
        { path: 'bankAccount', code: 'required' },
        { path: 'email', code: 'taken' },
      ]);
      const badCard = refusal(() =>
        checkSignUp({
          settings: strict,
          request: { ...request, cardToken: 'tok_x' },
          cardUsable: false,
          emailTaken: false,
        }),
      );
      expect(badCard.fieldErrors).to.deep.include({ path: 'cardToken', code: 'invalid' });
    });

    it('lets a complete sign-up through', () => {
      const relaxed = settingsWith((s) => {
        s.accountCreation.required = {
          card: false,
          bankAccount: false,
          billingAddress: false,
          shippingAddress: false,
        };
      });
      expect(() =>
        checkSignUp({ settings: relaxed, request, cardUsable: false, emailTaken: false }),
      ).not.to.throw();
    });
  });
});
