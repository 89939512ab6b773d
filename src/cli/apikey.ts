import { parseArgs } from "node:util";
import { createKey, listKeys, revokeKey } from "../auth/api-key.js";
import { SCOPES, type Scope } from "../auth/scopes.js";
import { runWithDatabase } from "./run-with-database.js";

const USAGE = `npm run apikey -- create --name <name> --scope read|write|admin
npm run apikey -- revoke --name <name>
npm run apikey -- list`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, scope: { type: "string" } },
});
const [command] = positionals;
const name = values.name?.trim();
const fail = (message: string) => {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
};
if (command !== "create" && command !== "revoke" && command !== "list") fail("unknown command");
if (command !== "list" && !name) fail("--name is required");
if (name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
  fail("--name: 1 to 64 letters, digits, dots, dashes or underscores");
}
if (command === "create" && !SCOPES.includes(values.scope as Scope)) {
  fail(`--scope must be one of ${SCOPES.join(", ")}`);
}

await runWithDatabase(async ({ executor }) => {
  if (command === "create") {
    const issued = await createKey(executor, name as string, values.scope as Scope);
    // The key itself goes alone to standard output, so a script can capture it.
    process.stderr.write(`Created ${issued.scope} key "${issued.name}". It is shown once:\n`);
    process.stdout.write(`${issued.key}\n`);
  } else if (command === "revoke") {
    if (!(await revokeKey(executor, name as string))) throw new Error(`No live key named ${name}`);
    process.stdout.write(`Revoked "${name}"\n`);
  } else {
    for (const key of await listKeys(executor)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt}` : "live";
      process.stdout.write(`${key.name}\t${key.scope}\t${key.createdAt}\t${state}\n`);
    }
  }
});
