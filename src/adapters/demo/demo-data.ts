import type { AccessRule, Address, ContentPage, Plan, PortalSettings } from '../../model/index.js';
import { addDays, addMonths, isoToday } from '../../rules/dates.js';
import type {
  CustomerRecord,
  InvoicePaymentRecord,
  InvoiceRecord,
  PaymentMethodRecord,
  SubscriptionRecord,
} from '../../rules/records.js';
import { NORTHWIND_LOGO_DATA_URL } from './logo.js';

/**
 * The demo merchant and its customers, as a backend stores them. MemoryAdapter loads this snapshot and the
 * reference server seeds a fresh database from it, so both backends hold the same data. Dates are relative
 * to `today` so that "overdue" and "expires soon" stay true whenever the demo runs.
 */
export const DEMO_PASSWORD = 'correct-horse-battery-staple';
export const DEMO_TEMPORARY_PASSWORD = 'temp-password-123';

/** The whole demo snapshot: what a fresh backend holds. */
export interface DemoData {
  settings: PortalSettings;
  customers: CustomerRecord[];
  paymentMethods: PaymentMethodRecord[];
  invoices: InvoiceRecord[];
  plans: Plan[];
  subscriptions: SubscriptionRecord[];
  pages: ContentPage[];
  accessRules: AccessRule[];
}

function at(date: string, time = '10:00:00'): string {
  return `${date}T${time}Z`;
}

const adaAddress: Address = {
  line1: '12 Analytical Row',
  city: 'Portland',
  region: 'OR',
  postalCode: '97205',
  country: 'US',
};

export const DEMO_SETTINGS: PortalSettings = {
  branding: {
    merchantName: 'Northwind Coffee Roasters',
    themeColor: '#0f766e',
    logoUrl: NORTHWIND_LOGO_DATA_URL,
    supportEmail: 'support@northwind.example',
  },
  signIn: { password: true, magicLink: true },
  accountCreation: {
    enabled: true,
    required: { card: false, bankAccount: false, billingAddress: true, shippingAddress: false },
  },
  paymentMethods: {
    cardOnFileRequired: true,
    expiryReminders: true,
    addCards: true,
    removeCards: true,
    addBankAccounts: true,
    verifyNewCards: true,
  },
  profile: { modifyInformation: true },
  invoices: {
    payInvoices: true,
    partialPayments: true,
    splitPayments: true,
    maxSplitMethods: 4,
    customerNotes: true,
    downloadPdf: true,
  },
  subscriptions: {
    enabled: true,
    plans: [
      { planId: 'plan_roasters_choice', allowSubscribing: true, allowCancelling: true },
      { planId: 'plan_espresso_club', allowSubscribing: true, allowCancelling: true },
      { planId: 'plan_office_weekly', allowSubscribing: true, allowCancelling: false },
      { planId: 'plan_wholesale', allowSubscribing: false, allowCancelling: false },
    ],
    allowPlanChange: true,
    downgrades: 'period_end',
    allowPause: true,
    maxPauseDays: 90,
    cancellation: 'either',
    cancellationReasons: [
      { id: 'too_expensive', label: 'It costs too much' },
      { id: 'too_much_coffee', label: 'I have more coffee than I can drink' },
      { id: 'unused', label: 'I don’t use it enough' },
      { id: 'switched_service', label: 'I found another roaster' },
    ],
    retentionOffer: { kind: 'discount', percentOff: 20, periods: 3 },
  },
  // The demo checkout the reference server serves on the store's own origin (examples/server, /demo/checkout).
  quickOrderUrl: '/demo/checkout',
};

const PLANS: Plan[] = [
  {
    id: 'plan_roasters_choice',
    name: "Roaster's Choice Monthly",
    description: 'A fresh 340 g bag of our roaster’s pick of the month.',
    price: { amount: 2400, currency: 'USD' },
    interval: 'month',
    intervalCount: 1,
    trialDays: 0,
    features: ['One 340 g bag a month', 'Free shipping', 'Tasting notes card'],
    terms: 'Billed monthly. Cancel any time; the current month is not refunded.',
    minQuantity: 1,
    maxQuantity: 10,
  },
  {
    id: 'plan_espresso_club',
    name: 'Espresso Club',
    description: 'Two espresso blends a month and a quarterly gear discount.',
    price: { amount: 3900, currency: 'USD' },
    interval: 'month',
    intervalCount: 1,
    trialDays: 14,
    features: ['Two 340 g espresso bags a month', '10 % off brewing gear', '14-day free trial'],
    terms: '14-day free trial, then billed monthly.',
    minQuantity: 1,
    maxQuantity: 5,
  },
  {
    id: 'plan_office_weekly',
    name: 'Office Weekly',
    description: 'A kilo of whole beans for the office every week.',
    price: { amount: 4500, currency: 'USD' },
    interval: 'week',
    intervalCount: 1,
    trialDays: 0,
    features: ['1 kg whole beans a week', 'Invoice billing'],
    terms: '12-week minimum term; cancellation through our support team.',
    minQuantity: 1,
    maxQuantity: 20,
  },
  {
    id: 'plan_wholesale',
    name: 'Wholesale Partner',
    description: 'Café wholesale supply, arranged with our sales team.',
    price: { amount: 120000, currency: 'USD' },
    interval: 'month',
    intervalCount: 1,
    trialDays: 0,
    features: ['Green and roasted beans at wholesale prices', 'Barista training'],
  },
  {
    id: 'plan_atelier_eur',
    name: 'Atelier Annual',
    description: 'Annual office supply contract for European customers.',
    price: { amount: 960000, currency: 'EUR' },
    interval: 'year',
    intervalCount: 1,
    trialDays: 0,
    features: ['Weekly office deliveries', 'Quarterly machine service'],
  },
];

const PAGES: ContentPage[] = [
  {
    id: 'page_refunds',
    slug: 'refund-policy',
    kind: 'policy',
    title: 'Refund policy',
    html:
      '<p>Unopened bags can be returned within <strong>30 days</strong> for a full refund.</p>' +
      '<p>Subscriptions can be cancelled at any time; the current period is not refunded.</p>' +
      '<h4>How to return a bag</h4><ol><li>Write to <a href="mailto:support@northwind.example">support@northwind.example</a> with your order number.</li>' +
      '<li>Send the bag back with the label we email you.</li><li>Your refund reaches your card within <em>5 business days</em>.</li></ol>',
  },
  {
    id: 'page_shipping',
    slug: 'shipping-policy',
    kind: 'policy',
    title: 'Shipping policy',
    html:
      '<p>We roast on Mondays and Thursdays and ship within one business day of roasting.</p>' +
      '<table><caption>Delivery times</caption><thead><tr><th scope="col">Where</th><th scope="col">How long</th></tr></thead>' +
      '<tbody><tr><td>Continental US</td><td>2–4 days</td></tr><tr><td>Alaska and Hawaii</td><td>5–8 days</td></tr></tbody></table>' +
      '<p>Carriers and tracking are described on <a href="https://www.usps.com/">the USPS site</a>.</p>',
  },
  {
    id: 'page_contact',
    slug: 'contact',
    kind: 'contact',
    title: 'Contact us',
    html:
      '<p>Email <a href="mailto:support@northwind.example">support@northwind.example</a> or call <a href="tel:+15035550134">+1 503 555 0134</a>, weekdays 8–5 Pacific.</p>' +
      '<address>Northwind Coffee Roasters<br>1200 SE Water Avenue<br>Portland, OR 97214</address>',
  },
  {
    // A merchant's page pasted from elsewhere, carrying what the portal must never run or load: the
    // end-to-end journey reads its text under the storefront's strict CSP and checks that none of it ran.
    id: 'page_roasting_notes',
    slug: 'roasting-notes',
    kind: 'custom',
    title: 'Roasting notes',
    html:
      '<p>This season’s <strong>Ethiopia Guji</strong> tastes of apricot and jasmine.</p>' +
      '<script>window.__pwned = "content-script"</script>' +
      '<p onclick="window.__pwned = \'content-handler\'">Brew it at 94 °C for the brightest cup.</p>' +
      '<iframe src="https://evil.example/frame" title="tracker"></iframe>' +
      '<p style="position:fixed;inset:0;background:red">Best within a month of roasting.</p>',
  },
];

/** The demo snapshot as of `today` (`YYYY-MM-DD`). */
export function createDemoData(today: string = isoToday()): DemoData {
  const year = Number(today.slice(0, 4));
  // The Mastercard expires at the end of next month: always within 60 days, never already expired.
  const soon = new Date(`${addMonths(today, 1)}T00:00:00Z`);

  const customers: CustomerRecord[] = [
    {
      id: 'cus_ada',
      code: 'CUST-0001',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+1 503 555 0100',
      company: 'Lovelace Analytics',
      currency: 'USD',
      billingAddress: adaAddress,
      shippingAddress: adaAddress,
      billingContact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 503 555 0100' },
      shippingContact: { name: 'Ada Lovelace', phone: '+1 503 555 0100' },
      defaultPaymentMethodId: 'pm_ada_visa',
      password: DEMO_PASSWORD,
      passwordIsTemporary: false,
      locked: false,
      autoPay: true,
    },
    {
      id: 'cus_analytical',
      code: 'CUST-0002',
      name: 'Analytical Engines Ltd',
      email: 'accounts@analytical.example',
      company: 'Analytical Engines Ltd',
      currency: 'EUR',
      billingAddress: { line1: '7 Rue de la Machine', city: 'Paris', postalCode: '75002', country: 'FR' },
      billingContact: { name: 'Grace Hopper', email: 'grace@example.net' },
      poNumber: 'PO-7731',
      vatNumber: 'FR40303265045',
      // A French company: VAT applies, and the test registry knows the number.
      vatVerification: { status: 'verified', checkedAt: at(addDays(today, -30)) },
      registrationNumber: 'RCS Paris 552 081 317',
      defaultPaymentMethodId: 'pm_analytical_visa',
      passwordIsTemporary: false,
      locked: false,
      autoPay: false,
    },
    {
      id: 'cus_new',
      code: 'CUST-0003',
      name: 'Mary Somerville',
      email: 'new@example.com',
      currency: 'USD',
      password: DEMO_TEMPORARY_PASSWORD,
      passwordIsTemporary: true,
      locked: false,
      autoPay: false,
    },
    {
      id: 'cus_locked',
      code: 'CUST-0004',
      name: 'Charles Babbage',
      email: 'locked@example.com',
      currency: 'USD',
      password: DEMO_PASSWORD,
      passwordIsTemporary: false,
      locked: true,
      autoPay: false,
    },
  ];

  const paymentMethods: PaymentMethodRecord[] = [
    {
      id: 'pm_ada_visa',
      customerId: 'cus_ada',
      type: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 8,
      expYear: year + 3,
      holderName: 'Ada Lovelace',
      verified: true,
    },
    {
      id: 'pm_ada_mastercard',
      customerId: 'cus_ada',
      type: 'card',
      brand: 'mastercard',
      last4: '4444',
      expMonth: soon.getUTCMonth() + 1,
      expYear: soon.getUTCFullYear(),
      holderName: 'Ada Lovelace',
      verified: true,
    },
    {
      id: 'pm_ada_bank',
      customerId: 'cus_ada',
      type: 'bank_account',
      bankName: 'First Difference Bank',
      last4: '6789',
      accountType: 'checking',
      holderName: 'Ada Lovelace',
    },
    {
      id: 'pm_analytical_visa',
      customerId: 'cus_analytical',
      type: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 3,
      expYear: year + 2,
      holderName: 'Analytical Engines Ltd',
      verified: true,
    },
  ];

  const beans = (
    id: string,
    quantity: number,
    unitPrice: number,
    description = "Roaster's Choice, 340 g",
  ) => ({
    id,
    description,
    quantity,
    unitPrice,
  });
  const paid = (id: string, date: string, paymentMethodId: string, amount: number): InvoicePaymentRecord => ({
    id,
    paidAt: at(date),
    paymentMethodId,
    amount,
  });
  const usd = { customerId: 'cus_ada', currency: 'USD', taxName: 'Oregon sales tax', taxRateBasisPoints: 0 };
  const ny = { taxName: 'Sales tax', taxRateBasisPoints: 825 };

  const invoices: InvoiceRecord[] = [
    {
      ...usd,
      ...ny,
      id: 'inv_ada_1009',
      number: 'INV-1009',
      kind: 'invoice',
      issueDate: addDays(today, -3),
      dueDate: addDays(today, 27),
      lines: [beans('line_1009_1', 2, 2400), beans('line_1009_2', 1, 1850, 'Burr grinder cleaning tablets')],
      voided: false,
      refunded: false,
      payments: [],
      notes: [],
    },
    {
      ...usd,
      id: 'inv_ada_1008',
      number: 'INV-1008',
      kind: 'invoice',
      issueDate: addDays(today, -40),
      dueDate: addDays(today, -10),
      lines: [beans('line_1008_1', 1, 14250, 'Espresso machine descaling service')],
      voided: false,
      refunded: false,
      payments: [],
      notes: [
        {
          id: 'note_1008_1',
          author: 'merchant',
          authorName: 'Northwind Coffee Roasters',
          body: 'A friendly reminder: this invoice is past due.',
          createdAt: at(addDays(today, -5)),
        },
      ],
    },
    {
      ...usd,
      ...ny,
      id: 'inv_ada_1007',
      number: 'INV-1007',
      kind: 'invoice',
      issueDate: addDays(today, -12),
      dueDate: addDays(today, 18),
      lines: [beans('line_1007_1', 4, 2400), beans('line_1007_2', 1, 12000, 'Pour-over starter kit')],
      voided: false,
      refunded: false,
      payments: [paid('pay_1007_1', addDays(today, -8), 'pm_ada_visa', 10000)],
      notes: [],
    },
    {
      ...usd,
      id: 'ord_ada_2004',
      number: 'ORD-2004',
      kind: 'order',
      issueDate: addDays(today, -20),
      lines: [beans('line_2004_1', 2, 2900, 'Ethiopia Guji, 340 g')],
      voided: false,
      refunded: false,
      payments: [paid('pay_2004_1', addDays(today, -20), 'pm_ada_visa', 5800)],
      notes: [
        {
          id: 'note_2004_1',
          author: 'merchant',
          authorName: 'Northwind Coffee Roasters',
          body: 'Shipped with UPS, tracking number 1Z999AA10123456784.',
          createdAt: at(addDays(today, -19)),
        },
      ],
    },
    {
      ...usd,
      id: 'inv_ada_1006',
      number: 'INV-1006',
      kind: 'invoice',
      issueDate: addDays(today, -33),
      dueDate: addDays(today, -3),
      lines: [beans('line_1006_1', 2, 2400)],
      voided: false,
      refunded: false,
      payments: [paid('pay_1006_1', addDays(today, -30), 'pm_ada_visa', 4800)],
      notes: [],
    },
    {
      ...usd,
      id: 'inv_ada_1005',
      number: 'INV-1005',
      kind: 'invoice',
      issueDate: addDays(today, -50),
      dueDate: addDays(today, -20),
      lines: [beans('line_1005_1', 1, 9900, 'Cupping workshop seat')],
      voided: true,
      refunded: false,
      payments: [],
      notes: [
        {
          id: 'note_1005_1',
          author: 'merchant',
          authorName: 'Northwind Coffee Roasters',
          body: 'The workshop was cancelled; this invoice is void.',
          createdAt: at(addDays(today, -45)),
        },
      ],
    },
    {
      ...usd,
      id: 'ord_ada_2003',
      number: 'ORD-2003',
      kind: 'order',
      issueDate: addDays(today, -55),
      lines: [beans('line_2003_1', 1, 3600, 'Colombia Huila, 1 kg')],
      voided: false,
      refunded: true,
      payments: [paid('pay_2003_1', addDays(today, -55), 'pm_ada_mastercard', 3600)],
      notes: [],
    },
    {
      ...usd,
      id: 'inv_ada_1004',
      number: 'INV-1004',
      kind: 'invoice',
      issueDate: addDays(today, -63),
      dueDate: addDays(today, -33),
      lines: [beans('line_1004_1', 2, 2400)],
      voided: false,
      refunded: false,
      payments: [paid('pay_1004_1', addDays(today, -61), 'pm_ada_bank', 4800)],
      notes: [],
    },
    {
      ...usd,
      id: 'inv_ada_1003',
      number: 'INV-1003',
      kind: 'invoice',
      issueDate: addDays(today, -94),
      dueDate: addDays(today, -64),
      lines: [beans('line_1003_1', 2, 2400)],
      voided: false,
      refunded: false,
      payments: [
        paid('pay_1003_1', addDays(today, -90), 'pm_ada_visa', 2400),
        paid('pay_1003_2', addDays(today, -90), 'pm_ada_mastercard', 2400),
      ],
      notes: [],
    },
    {
      customerId: 'cus_analytical',
      currency: 'EUR',
      taxName: 'TVA',
      taxRateBasisPoints: 2000,
      id: 'inv_analytical_301',
      number: 'INV-0301',
      kind: 'invoice',
      issueDate: addDays(today, -6),
      dueDate: addDays(today, 24),
      lines: [
        { id: 'line_301_1', description: 'Office beans, monthly supply', quantity: 12, unitPrice: 6750 },
      ],
      voided: false,
      refunded: false,
      payments: [],
      notes: [],
    },
    {
      customerId: 'cus_analytical',
      currency: 'EUR',
      taxName: 'TVA',
      taxRateBasisPoints: 2000,
      id: 'inv_analytical_300',
      number: 'INV-0300',
      kind: 'invoice',
      issueDate: addDays(today, -36),
      dueDate: addDays(today, -6),
      lines: [
        { id: 'line_300_1', description: 'Office beans, monthly supply', quantity: 12, unitPrice: 6750 },
      ],
      voided: false,
      refunded: false,
      payments: [paid('pay_300_1', addDays(today, -8), 'pm_analytical_visa', 97200)],
      notes: [],
    },
  ];

  const subscriptions: SubscriptionRecord[] = [
    {
      id: 'sub_ada_roasters',
      customerId: 'cus_ada',
      planId: 'plan_roasters_choice',
      status: 'active',
      quantity: 2,
      products: [{ name: "Roaster's Choice, 340 g", quantity: 2 }],
      terms: PLANS[0].terms,
      startDate: addMonths(today, -7),
      currentPeriodEnd: addDays(today, 12),
      nextBillingDate: addDays(today, 12),
      cancelAtPeriodEnd: false,
    },
    {
      id: 'sub_ada_espresso',
      customerId: 'cus_ada',
      planId: 'plan_espresso_club',
      status: 'trialing',
      quantity: 1,
      products: [{ name: 'Espresso blend, 340 g', quantity: 2 }],
      terms: PLANS[1].terms,
      startDate: addDays(today, -4),
      currentPeriodEnd: addDays(today, 10),
      nextBillingDate: addDays(today, 10),
      trialEnd: addDays(today, 10),
      cancelAtPeriodEnd: false,
    },
    {
      id: 'sub_analytical_atelier',
      customerId: 'cus_analytical',
      planId: 'plan_atelier_eur',
      status: 'active',
      quantity: 1,
      products: [{ name: 'Office deliveries', quantity: 52 }],
      startDate: addMonths(today, -5),
      currentPeriodEnd: addMonths(today, 7),
      nextBillingDate: addMonths(today, 7),
      cancelAtPeriodEnd: false,
    },
  ];

  const accessRules: AccessRule[] = [
    {
      id: 'rule_analytical_domain',
      customerId: 'cus_analytical',
      kind: 'domain',
      value: 'analytical.example',
    },
    { id: 'rule_analytical_grace', customerId: 'cus_analytical', kind: 'email', value: 'grace@example.net' },
    // Grace keeps Ada's books too: one address granted on a second account, so she chooses and switches.
    { id: 'rule_ada_grace', customerId: 'cus_ada', kind: 'email', value: 'grace@example.net' },
  ];

  return {
    settings: structuredClone(DEMO_SETTINGS),
    customers,
    paymentMethods,
    invoices,
    plans: structuredClone(PLANS),
    subscriptions,
    pages: structuredClone(PAGES),
    accessRules,
  };
}
