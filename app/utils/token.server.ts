// Tokens in links and cookies are random; the database keeps only their SHA-256, so a leaked table
// cannot be replayed as sessions or invitations.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
