import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/server.js";

/**
 * The graphql-http server audit (the GraphQL over HTTP spec's conformance suite) against the
 * real server: every MUST passes. The SHOULD and MAY results are listed in the README.
 */

const env = useTestApi();

describe("GraphQL over HTTP", () => {
  it("passes every MUST of the graphql-http server audit", async () => {
    const audits = serverAudits({ url: `${env.api.url}/graphql` });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    expect(results.length).toBeGreaterThan(30);
    const failedMusts = results
      .filter((r) => r.name.startsWith("MUST") && r.status !== "ok")
      .map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failedMusts).toEqual([]);
    // Recorded for the README's list of SHOULD and MAY results.
    const others = results
      .filter((r) => !r.name.startsWith("MUST"))
      .map((r) => `${r.status.padEnd(6)} ${r.name}`);
    process.stdout.write(`graphql-http SHOULD/MAY:\n${others.join("\n")}\n`);
  });
});
