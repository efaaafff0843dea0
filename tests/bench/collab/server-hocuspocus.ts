// Hocuspocus with its defaults and no extensions (no authentication, no storage). Prints "listening".
import { Server } from "@hocuspocus/server";

const server = new Server({ port: Number(process.env.PORT), address: "127.0.0.1", quiet: true });
await server.listen();
process.stdout.write("listening\n");
