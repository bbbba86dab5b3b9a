import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Where outbox emails finally go: an SMTP server, the console in development, nowhere in tests. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Development: says that an email is waiting and where to read it. The body is not printed because it
 * holds sign-in links and temporary passwords, which never go to logs; the outbox page shows it.
 */
export function consoleMailer(outboxUrl: string): Mailer {
  return {
    send(mail) {
      console.log(`✉  to ${mail.to}: "${mail.subject}" — read it at ${outboxUrl}`);
      return Promise.resolve();
    },
  };
}

export const silentMailer: Mailer = { send: () => Promise.resolve() };
