import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import { Neo4jGraphQL } from "@neo4j/graphql";
import Fastify from "fastify";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { peerTypeDefs } from "./type-defs.js";

/**
 * The peer: `@neo4j/graphql` over the same database, on the same HTTP stack as the API (Fastify
 * and Apollo Server), run by `npm run bench` as a child process so that its memory is its own.
 * GET /stats reports the Cypher statements it has sent, for round trips per request.
 * Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (optional), PORT.
 */

let statements = 0;

/** The driver, with every statement a transaction runs counted on its way to the database. */
function countingDriver(driver: Driver): Driver {
  const countRuns = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property) {
        if (property === "run") {
          return (...args: Parameters<ManagedTransaction["run"]>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const session = driver.session.bind(driver);
  driver.session = (config) => {
    const inner = session(config);
    const executeRead = inner.executeRead.bind(inner);
    const executeWrite = inner.executeWrite.bind(inner);
    inner.executeRead = (work, txConfig) => executeRead((tx) => work(countRuns(tx)), txConfig);
    inner.executeWrite = (work, txConfig) => executeWrite((tx) => work(countRuns(tx)), txConfig);
    return inner;
  };
  return driver;
}

const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const password = process.env.NEO4J_PASSWORD;
const driver = countingDriver(
  neo4j.driver(
    uri,
    password === undefined
      ? undefined
      : neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", password),
  ),
);
const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();

const app = Fastify();
const apollo = new ApolloServer({ schema, plugins: [fastifyApolloDrainPlugin(app)] });
await apollo.start();
await app.register(fastifyApollo(apollo));
app.get("/stats", async () => ({ statements }));

const port = Number(process.env.PORT ?? 4100);
await app.listen({ host: "127.0.0.1", port });
process.stdout.write(`READY ${port}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  });
}
