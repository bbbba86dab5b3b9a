import type { ConsoleAccessMessages } from './messages.en.js';

export const fr: ConsoleAccessMessages = {
  heading: 'Accès sans mot de passe',
  intro:
    'Qui peut se connecter à un compte de facturation par un lien envoyé par e-mail : tout un domaine, ou une adresse.',
  empty: 'Aucun accès sans mot de passe pour l’instant : les clients se connectent avec leur mot de passe.',
  account: 'Compte de facturation',
  kind: 'Type',
  value: 'Domaine ou adresse',
  actions: 'Actions',
  kinds: { domain: 'Domaine e-mail', email: 'Adresse unique' },
  remove: 'Retirer',
  removeLabel: (value: string, account: string) => `Retirer ${value} de ${account}`,
  removeHeading: (value: string, account: string) => `Retirer ${value} de ${account} ?`,
  removeBody:
    'Les personnes qu’il laissait entrer se connectent désormais avec un mot de passe (s’ils en ont un).',
  removeConfirm: 'Retirer',
  keep: 'Garder',
  removing: 'Retrait…',
  removed: (value: string, account: string) => `${value} n’ouvre plus ${account}.`,
  addHeading: 'Accorder un accès',
  findAccount: 'Trouver le compte de facturation',
  findAccountHint: 'Code, nom ou e-mail',
  chooseAccount: 'Choisissez un compte de facturation',
  noAccounts: 'Aucun compte de facturation ne correspond.',
  accountOption: (code: string, name: string) => `${code} — ${name}`,
  domainValue: 'Domaine e-mail',
  domainHint: 'Par exemple example.com : toutes ses adresses peuvent se connecter.',
  emailValue: 'Adresse e-mail',
  add: 'Accorder l’accès',
  adding: 'Attribution…',
  added: (value: string, account: string) => `${value} ouvre désormais ${account}.`,
  accountRequired: 'Choisissez le compte de facturation.',
  domainInvalid: 'Saisissez un domaine comme example.com.',
  emailInvalid: 'Saisissez une adresse e-mail comme nom@example.com.',
  overlaps: (kind: string, value: string, account: string) =>
    `Chevauche la règle (${kind}) ${value} de ${account}.`,
  overlapsUnknown: 'Chevauche une règle existante.',
  kindNames: { domain: 'domaine', email: 'adresse' },
  unknownOutcome:
    'Nous ne savons pas si l’action a été faite. La liste a été relue ; vérifiez-la avant de réessayer.',
};
