/** The yardstick: a bare Fastify 5 server answering one small JSON body, nothing else. */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", () => ({ hello: "world" }));
await app.listen({ port: Number(process.env.PORT ?? 4650), host: "127.0.0.1" });
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
