// Password reset by e-mailed link: one hour, one use. Every session of the account ends when the
// password changes, so a stolen session does not survive the reset.
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { absoluteUrl, sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { serverT } from "~/utils/server-i18n.server";
import { hashToken, newToken } from "~/utils/token.server";

const RESET_MS = 60 * 60 * 1000;

/** Sends a link if the account exists; answers the same either way, so addresses cannot be probed. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (!user) return;
  const token = newToken();
  await prisma.passwordReset.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_MS) },
    select: { id: true },
  });
  const t = serverT(user.locale === "en" ? "en" : "zh-CN");
  await sendMail({
    to: email,
    subject: t("auth.resetMailSubject"),
    text: t("auth.resetMailBody", { link: absoluteUrl(`/reset-password/${token}`) }),
  });
}

export async function isResetTokenValid(token: string): Promise<boolean> {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}

export async function resetPassword(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true },
    });
    if (!reset || reset.usedAt || reset.expiresAt < new Date()) throw new AppError("GONE", "auth.resetInvalid");
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("GONE", "auth.resetInvalid");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true } });
    await tx.session.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { type: "user.password_reset", actorId: reset.userId, payload: {} });
  });
}
