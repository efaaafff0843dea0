// The unread count for the bell in the header, loaded by the bell itself so the root loader stays lean.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { unreadNotificationCount } from "~/models/notification.server";
import { getOptionalUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return { unread: user ? await unreadNotificationCount(user.id) : 0 };
}
