// Which language to render: the signed-in user's saved choice, else the `lng` cookie set by the
// switcher, else the browser's Accept-Language.
import { createCookie } from "@remix-run/node";
import type { SessionUser } from "~/utils/session.server";
import { isAppLocale, localeFromAcceptLanguage, localeFromDb, type AppLocale } from "~/utils/i18n";

export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });

export async function resolveLocale(request: Request, user: SessionUser | null): Promise<AppLocale> {
  if (user) return localeFromDb(user.locale);
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isAppLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}
