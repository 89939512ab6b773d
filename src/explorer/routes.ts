import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { projectPath } from "../project-root.js";

/**
 * The explorer page (explorer/): a static page on the public GraphQL API, served from memory with
 * its one library, Cytoscape.js, so that it works offline and needs no build step.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  "/explorer": { file: "explorer/index.html", type: "text/html; charset=utf-8" },
  "/explorer/app.js": { file: "explorer/app.js", type: "text/javascript; charset=utf-8" },
  "/explorer/styles.css": { file: "explorer/styles.css", type: "text/css; charset=utf-8" },
  "/explorer/vendor/cytoscape.esm.min.mjs": {
    file: "node_modules/cytoscape/dist/cytoscape.esm.min.mjs",
    type: "text/javascript; charset=utf-8",
  },
};

/**
 * The page's own stylesheet and scripts, and the API it asks; nothing from elsewhere. Inline
 * styles are allowed (Cytoscape sizes its canvases with them); inline scripts are not.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function registerExplorer(app: FastifyInstance): void {
  for (const [url, { file, type }] of Object.entries(ASSETS)) {
    const body = readFileSync(projectPath(file));
    // Compressed once at start: Cytoscape goes from 440 kB to about 140 kB on the wire.
    const gzipped = gzipSync(body, { level: 9 });
    app.get(url, async (request, reply) => {
      reply
        .header("content-type", type)
        .header("cache-control", "no-cache")
        .header("content-security-policy", CONTENT_SECURITY_POLICY)
        .header("x-content-type-options", "nosniff")
        .header("vary", "accept-encoding");
      const accepts = String(request.headers["accept-encoding"] ?? "");
      return /\bgzip\b/.test(accepts)
        ? reply.header("content-encoding", "gzip").send(gzipped)
        : reply.send(body);
    });
  }
  app.get("/explorer/", async (_request, reply) => reply.redirect("/explorer"));
  app.get("/", async (_request, reply) => reply.redirect("/explorer"));
}
