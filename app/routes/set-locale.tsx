import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/forms/fields";
import { prisma } from "~/utils/db.server";
import { isAppLocale, localeToDb } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { getOptionalUser } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

/** Remembers the language per user (and per browser before sign-in). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isAppLocale(locale)) throw new Response("Unknown language: choose zh-CN or en", { status: 400 });
  const user = await getOptionalUser(request);
  if (user) {
    await prisma.user.update({ where: { id: user.id }, data: { locale: localeToDb(locale) }, select: { id: true } });
  }
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
