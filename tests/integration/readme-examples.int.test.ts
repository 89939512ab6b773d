import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-root.js";
import { useTestApi } from "../helpers/server.js";

/** Every ```graphql block of the README runs on the seed graph and finds something. */

const env = useTestApi();

const blocks = [
  ...readFileSync(projectPath("README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g),
].map((match) => match[1] as string);

const isEmpty = (value: unknown): boolean =>
  value === null ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" &&
    value !== null &&
    "edges" in value &&
    Array.isArray(value.edges) &&
    value.edges.length === 0);

describe("README examples", () => {
  it("are there to test", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  blocks.forEach((query, i) => {
    it(`block ${i + 1} answers without errors and with data in every field`, async () => {
      const { body } = await env.api.graphql(query);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      for (const [field, value] of Object.entries(body.data ?? {}))
        expect(isEmpty(value), `${field} is empty`).toBe(false);
    });
  });
});
