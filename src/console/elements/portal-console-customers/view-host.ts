import type { CustomerAccessState, PreviewGrant } from '../../../model/index.js';

/** The requests the section makes, named as in the console's contract. */
export type Operation =
  'adminSendActivation' | 'adminLockCustomer' | 'adminUnlockCustomer' | 'adminPreviewCustomer';

/** The actions that ask first. */
export type ConfirmedAction = 'activation' | 'lock' | 'resetUnlock';

/** The confirmation open now: which action, for whom. */
export interface Confirming {
  action: ConfirmedAction;
  customer: CustomerAccessState;
}

/** A failure shown beside the actions of the customer it concerns. */
export interface RowProblem {
  customerId: string;
  text: string;
}

/** The portal shown as one customer sees it. */
export interface Preview {
  customer: CustomerAccessState;
  grant: PreviewGrant;
}
