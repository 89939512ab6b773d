import { emitSchemaFile, SCHEMA_FILE } from "../schema.js";

await emitSchemaFile();
process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
