// Every message is recorded in OutboxMail. With SMTP_URL it is also sent; without it the dev outbox
// page (/dev/outbox) is where a person reads it (README: "Mail").
import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

let transporter: Transporter | undefined;

function getTransporter(): Transporter | undefined {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) return undefined;
  transporter ??= nodemailer.createTransport(SMTP_URL);
  return transporter;
}

export type Mail = { to: string; subject: string; text: string };

export async function sendMail(mail: Mail): Promise<void> {
  const record = await prisma.outboxMail.create({ data: mail, select: { id: true } });
  const transport = getTransporter();
  if (!transport) return;
  try {
    await transport.sendMail({ from: getEnv().MAIL_FROM, ...mail });
    await prisma.outboxMail.update({ where: { id: record.id }, data: { sentAt: new Date() }, select: { id: true } });
  } catch (error) {
    // Not fatal for the action that sent it: the mail stays in the outbox with its error for a retry.
    const message = error instanceof Error ? error.message : String(error);
    await prisma.outboxMail.update({ where: { id: record.id }, data: { error: message }, select: { id: true } });
    console.warn(`mail to ${mail.to} failed: ${message}`);
  }
}

/** The outbox page shows every recorded mail (with its links) only where no real mail is sent. */
export function isOutboxPublic(): boolean {
  const env = getEnv();
  if (env.SMTP_URL) return false;
  return env.NODE_ENV !== "production" || process.env.STUDIO_EMBEDDED_DB === "1" || process.env.STUDIO_OUTBOX_PUBLIC === "1";
}

export function absoluteUrl(path: string): string {
  return new URL(path, getEnv().APP_URL).toString();
}
