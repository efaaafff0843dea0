// Telling people what needs them: an in-app notification and, unless they turned it off for that
// kind, an e-mail (SMTP or the dev outbox). Features call notify() after their change has committed.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { absoluteUrl, sendMail } from "~/utils/mail.server";

/** Kinds of notification; each person can turn the in-app entry or the e-mail off per kind. */
export const notificationKinds = [
  "comment.mention",
  "comment.reply",
  "comment.disposed",
  "comment_period.opened",
  "ballot.opened",
  "ballot.reminder",
  "ballot.closed",
  "transition.proposed",
  "transition.decided",
  "project.released",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationPayload = {
  /** Shown in the list, in the recipient's language is not known here: give both. */
  titleZh: string;
  titleEn: string;
  /** Path inside the app the notification opens, e.g. /projects/abc/ballots/xyz. */
  href: string;
  projectId?: string;
};

export type Notice = {
  userIds: readonly string[];
  kind: NotificationKind;
  payload: NotificationPayload;
  /** The e-mail; omitted: in-app only. */
  mail?: { subject: string; text: string };
};

type Setting = { inApp: boolean; email: boolean };
const defaultSetting: Setting = { inApp: true, email: true };

export async function notificationSettings(userId: string): Promise<Record<NotificationKind, Setting>> {
  const rows = await prisma.notificationSetting.findMany({ where: { userId } });
  const byKind = new Map(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email }]));
  return Object.fromEntries(notificationKinds.map((k) => [k, byKind.get(k) ?? defaultSetting])) as Record<
    NotificationKind,
    Setting
  >;
}

export async function saveNotificationSetting(userId: string, kind: NotificationKind, setting: Setting): Promise<void> {
  await prisma.notificationSetting.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, ...setting },
    update: setting,
  });
}

/** Sends one notice to each recipient (once each), honouring their settings. */
export async function notify(notice: Notice): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  const [users, settings] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
    prisma.notificationSetting.findMany({ where: { userId: { in: userIds }, kind: notice.kind } }),
  ]);
  const settingOf = new Map(settings.map((s) => [s.userId, s]));
  const inApp = users.filter((u) => settingOf.get(u.id)?.inApp ?? defaultSetting.inApp);
  if (inApp.length > 0) {
    await prisma.notification.createMany({
      data: inApp.map((u) => ({
        userId: u.id,
        kind: notice.kind,
        payload: notice.payload as unknown as Prisma.InputJsonObject,
      })),
    });
  }
  const mail = notice.mail;
  if (!mail) return;
  const link = absoluteUrl(notice.payload.href);
  for (const user of users.filter((u) => settingOf.get(u.id)?.email ?? defaultSetting.email)) {
    await sendMail({ to: user.email, subject: mail.subject, text: `${mail.text}\n\n${link}` });
  }
}

export async function unreadNotificationCount(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, take = 50) {
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
}

export async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<void> {
  await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  });
}
