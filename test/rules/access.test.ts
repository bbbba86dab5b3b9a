import { expect } from '@open-wc/testing';
import type { AccessRule, SignUp } from '../../src/model/index.js';
import {
  accessRuleFor,
  assertNoOverlap,
  checkSignUp,
  emailDomain,
  linkGrantFor,
  mayReach,
  reachableAccounts,
} from '../../src/rules/access.js';
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

    it('refuses rules that overlap another of the same account, with the value taken', () => {
      const cases = [
        { customerId: 'cus_company', kind: 'domain', value: 'Analytical.example' },
        { customerId: 'cus_company', kind: 'email', value: 'ada@analytical.example' },
        { customerId: 'cus_grace', kind: 'domain', value: 'example.net' },
        { customerId: 'cus_grace', kind: 'email', value: 'grace@example.net' },
      ] as const;
      for (const rule of cases) {
        const error = refusal(() => assertNoOverlap(rules, rule));
        expect(error.code, rule.value).to.equal('conflict');
        expect(error.fieldErrors).to.deep.equal([{ path: 'value', code: 'taken' }]);
        // Another account may grant the same people: that is how one person reaches several accounts.
        expect(() => assertNoOverlap(rules, { ...rule, customerId: 'cus_x' }), rule.value).not.to.throw();
      }
      expect(() =>
        assertNoOverlap(rules, { customerId: 'cus_x', kind: 'domain', value: 'new.example' }),
      ).not.to.throw();
    });
  });

  describe('several accounts per person', () => {
    const accounts = [
      { id: 'cus_grace', email: 'grace@example.net', locked: false },
      { id: 'cus_company', email: 'accounts@analytical.example', locked: false },
      { id: 'cus_charles', email: 'charles@other.example', locked: false },
      { id: 'cus_locked', email: 'locked@analytical.example', locked: true },
    ];
    const shared: AccessRule[] = [
      ...rules,
      { id: 'rule_grace_company', customerId: 'cus_company', kind: 'email', value: 'grace@example.net' },
      { id: 'rule_locked', customerId: 'cus_locked', kind: 'email', value: 'grace@example.net' },
    ];

    it('reaches the own account first, then every account a rule grants, never a locked one', () => {
      const ids = (email: string) => reachableAccounts(accounts, shared, email).map((each) => each.id);
      expect(ids('Grace@Example.net')).to.deep.equal(['cus_grace', 'cus_company']);
      expect(ids('ops@analytical.example')).to.deep.equal(['cus_company']);
      expect(ids('nobody@example.org')).to.deep.equal([]);
      expect(mayReach(accounts[1], shared, 'grace@example.net')).to.equal(true);
      expect(mayReach(accounts[2], shared, 'grace@example.net')).to.equal(false);
      expect(mayReach(accounts[3], shared, 'grace@example.net'), 'locked').to.equal(false);
      expect(linkGrantFor(accounts, shared, 'grace@example.net')?.id, 'the first rule').to.equal('cus_grace');
      const onlyLocked = shared.filter((rule) => rule.id === 'rule_locked');
      expect(linkGrantFor(accounts, onlyLocked, 'grace@example.net'), 'no link to a locked one').to.equal(
        undefined,
      );
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
