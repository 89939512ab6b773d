import { mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-root.js";
import { useTestApi } from "../helpers/server.js";

/**
 * The explorer page in a real browser (Debian's Chromium through playwright-core): search two
 * roles, draw the routes, check them against the API's own answer, open a role, compare skills,
 * and see a mistake explained. Screenshots go to test-results/.
 */

const env = useTestApi();
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = projectPath("test-results");
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

/** Types into a role box until the suggestion appears, then takes it. */
async function pickRole(box: "#from" | "#to", typed: string, title: string) {
  await page.fill(box, "");
  await page.type(box, typed, { delay: 20 });
  await page.waitForSelector(`${box}-options option[value="${title}"]`, { state: "attached" });
  await page.fill(box, title);
}

interface ApiPath {
  roles: { id: string; title: string }[];
  steps: { from: { id: string }; to: { id: string } }[];
}

describe("the explorer page", () => {
  it("is served at / and /explorer with its assets, from this server only", async () => {
    const response = await page.goto(`${env.api.url}/`);
    expect(response?.url()).toBe(`${env.api.url}/explorer`);
    expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(await page.title()).toBe("Rolegraph explorer");
    const library = await fetch(`${env.api.url}/explorer/vendor/cytoscape.esm.min.mjs`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(library.status).toBe(200);
    expect(library.headers.get("content-type")).toMatch(/javascript/);
    expect(library.headers.get("content-encoding")).toBe("gzip");
    expect((await library.text()).length).toBeGreaterThan(400_000);
  });

  it("draws the k best routes the API gives, highlights the first, and lists its steps", async () => {
    await pickRole("#from", "junior back", "Junior Back End Developer");
    await pickRole("#to", "chief tech", "Chief Technology Officer");
    await page.selectOption("#k", "3");
    await page.selectOption("#weight", "YEARS");
    await page.click("#find");
    await page.waitForSelector("ol.routes > li.chosen");

    const answer = await env.api.data<{ careerPaths: ApiPath[] }>(
      `{ careerPaths(from: "junior-back-end-developer", to: "cto", k: 3, weightBy: YEARS) {
          roles { id title } steps { from { id } to { id } } } }`,
    );
    const paths = answer.careerPaths;
    expect(paths.length).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => {
      const { graph } = (globalThis as unknown as InPage).rolegraphExplorer;
      return {
        nodes: graph.nodes().map((n) => n.id()),
        edges: graph.edges().map((e) => e.id()),
        chosen: graph.nodes(".chosen").map((n) => n.id()),
      };
    });
    const roles = new Set(paths.flatMap((p) => p.roles.map((r) => r.id)));
    const moves = new Set(paths.flatMap((p) => p.steps.map((s) => `${s.from.id}->${s.to.id}`)));
    expect(new Set(drawn.nodes)).toEqual(roles);
    expect(new Set(drawn.edges)).toEqual(moves);
    expect(new Set(drawn.chosen)).toEqual(new Set(paths[0]?.roles.map((r) => r.id)));
    expect(await page.locator("ol.routes > li").count()).toBe(paths.length);
    // The side panel lists the chosen route's steps: one per move, ending at the target.
    const steps = page.locator("ol.steps > li");
    expect(await steps.count()).toBe(paths[0]?.steps.length);
    expect(await steps.last().locator("strong").textContent()).toBe("Chief Technology Officer");
    expect(await page.locator("#panel").textContent()).not.toMatch(/null|undefined|NaN/);
    // Choosing another route moves the highlight to it.
    if (paths.length > 1) {
      await page.click("ol.routes > li:nth-child(2) > button");
      const chosen = await page.evaluate(() =>
        (globalThis as unknown as InPage).rolegraphExplorer.graph
          .nodes(".chosen")
          .map((n) => n.id()),
      );
      expect(new Set(chosen)).toEqual(new Set(paths[1]?.roles.map((r) => r.id)));
      expect(await page.locator("ol.routes > li:nth-child(2)").getAttribute("class")).toBe(
        "chosen",
      );
      await page.click("ol.routes > li:nth-child(1) > button");
    }
    await page.screenshot({ path: `${OUTPUT}/explorer-routes.png`, fullPage: true });
  });

  it("opens a role from the drawing and from the keyboard-usable list", async () => {
    // A click on the drawn node of the target role.
    const point = await page.evaluate(() => {
      const { graph } = (globalThis as unknown as InPage).rolegraphExplorer;
      const box = (globalThis as unknown as InPage).document
        .getElementById("graph")
        ?.getBoundingClientRect();
      const at = graph.getElementById("cto").renderedPosition();
      return { x: (box?.left ?? 0) + at.x, y: (box?.top ?? 0) + at.y };
    });
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() => page.locator("#detail h2").textContent(), { timeout: 15_000 })
      .toBe("Chief Technology Officer");
    expect(await page.locator("#detail").textContent()).toMatch(/Key skills.*Pay/s);
    expect(await page.locator("#detail").textContent()).not.toMatch(/null|undefined|NaN/);

    await page
      .locator("ol.routes .role-link", { hasText: "Junior Back End Developer" })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#detail h2").textContent(), { timeout: 15_000 })
      .toBe("Junior Back End Developer");
  });

  it("compares the skills of the two roles", async () => {
    await page.click("#compare");
    await expect
      .poll(() => page.locator("#detail h2").textContent(), { timeout: 15_000 })
      .toBe("From Junior Back End Developer to Chief Technology Officer");
    const gap = await env.api.data<{ skillGap: { missing: unknown[] } }>(
      `{ skillGap(from: "junior-back-end-developer", to: "cto") { missing { importance } } }`,
    );
    expect(await page.locator("#detail ul > li").count()).toBe(gap.skillGap.missing.length);
  });

  it("explains a mistake in words, and stays usable at phone width", async () => {
    await page.fill("#to", "No such role at all");
    await page.click("#find");
    await expect
      .poll(() => page.locator("#message").textContent(), { timeout: 15_000 })
      .toMatch(/Pick the target role from the suggestions/);
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => {
      const { documentElement } = (globalThis as unknown as InPage).document;
      return documentElement.scrollWidth - documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    // The drawing is refitted to the narrower box: every node inside it.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const { graph } = (globalThis as unknown as InPage).rolegraphExplorer;
            const box = (globalThis as unknown as InPage).document
              .getElementById("graph")
              ?.getBoundingClientRect();
            return graph
              .nodes()
              .map((n) => n.id())
              .every((id) => {
                const at = graph.getElementById(id).renderedPosition();
                return at.x >= 0 && at.x <= (box?.width ?? 0);
              });
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.screenshot({ path: `${OUTPUT}/explorer-phone.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});

/** The little of Cytoscape's API the test reads. */
interface CytoscapeLike {
  nodes(selector?: string): { map<T>(f: (n: { id(): string }) => T): T[] };
  edges(): { map<T>(f: (e: { id(): string }) => T): T[] };
  getElementById(id: string): { renderedPosition(): { x: number; y: number } };
}

/** What the test reads of the page's globals (the tests have no DOM types). */
interface InPage {
  rolegraphExplorer: { graph: CytoscapeLike };
  document: {
    getElementById(
      id: string,
    ): { getBoundingClientRect(): { left: number; top: number; width: number } } | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
}
