import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/utils/session.server";

export async function loader() {
  return redirect("/dashboard");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await destroySession(request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
