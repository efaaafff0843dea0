import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

// Used when no account matches, so a wrong e-mail costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyLogin(email: string, password: string): Promise<{ id: string } | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (!user) {
    decoyHash ??= hashPassword("decoy-password-never-matches");
    await verifyPassword(password, await decoyHash);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? { id: user.id } : null;
}

export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  affiliation?: string;
  isAdmin?: boolean;
  locale?: "zh_CN" | "en";
}) {
  return prisma.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      affiliation: input.affiliation ?? "",
      isAdmin: input.isAdmin ?? false,
      locale: input.locale ?? "zh_CN",
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true, email: true },
  });
}
