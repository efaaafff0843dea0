// Our collaboration server as the benchmark runs it: the production defaults, an http.Server with
// the upgrade handler, PostgreSQL from DATABASE_URL. Prints "listening" when ready.
import { createServer } from "node:http";
import { prisma } from "~/utils/db.server";
import { CollabServer } from "../../../server/collab";

// Connected before "listening", as server/index.ts is after its migrations: the idle memory figure
// then includes the database client, and the first clients do not pay for its start.
await prisma.$queryRaw`SELECT 1`;

const collab = new CollabServer({
  logger: {
    info: () => undefined,
    warn: (message) => process.stderr.write(`${message}\n`),
    error: (message, error) => process.stderr.write(`${message} ${String(error ?? "")}\n`),
  },
});
const http = createServer((_request, response) => response.end());
http.on("upgrade", (request, socket, head: Buffer) => {
  if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
});
http.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("listening\n"));
process.on("SIGTERM", () => {
  void collab.close().then(() => process.exit(0));
});
