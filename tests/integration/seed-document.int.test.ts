import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/server.js";

/**
 * Every fact of the seed document (shared/seeds/back-end-developer-role-page.txt) walked through
 * GraphQL. The expectations restate the document's facts; the graph's own wording is ours.
 */
const env = useTestApi();

interface Band {
  region: string;
  currency: string;
  min: number;
  max: number;
  year: number;
  notes: string[];
}

interface DocRole {
  id: string;
  title: string;
  level: string;
  track: { id: string };
  responsibilities: string[];
  experienceYears: { min: number; max: number } | null;
  workplaces: string[];
  skills: { importance: number; skill: { id: string } }[];
  technologies: {
    usage: string;
    context: string | null;
    technology: { id: string; name: string };
  }[];
  nextRoles: { to: { id: string }; kind: string; sources: { id: string }[] }[];
  relatedRoles: { role: { id: string; title: string } }[];
  salaryBands: (Band & { source: { id: string } | null })[];
  sources: { id: string }[];
}

const ROLE = `
  id title level track { id } responsibilities experienceYears { min max } workplaces
  skills { importance skill { id } }
  technologies { usage context technology { id name } }
  nextRoles { to { id } kind sources { id } }
  relatedRoles { role { id title } }
  salaryBands { region currency min max year notes source { id } }
  sources { id }`;

async function role(id: string): Promise<DocRole> {
  const data = await env.api.data<{ role: DocRole | null }>(
    `query ($id: ID!) { role(id: $id) { ${ROLE} } }`,
    {
      id,
    },
  );
  if (data.role === null) throw new Error(`role ${id} is missing`);
  return data.role;
}

const has = (list: string[], pattern: RegExp) => list.some((item) => pattern.test(item));
const skillIds = (r: DocRole) => r.skills.map((s) => s.skill.id);
const techIds = (r: DocRole) => r.technologies.map((t) => t.technology.id);

describe("the seed document, through GraphQL", () => {
  it("cites the document on the back end ladder", async () => {
    for (const id of [
      "junior-back-end-developer",
      "back-end-developer",
      "senior-back-end-developer",
    ]) {
      expect((await role(id)).sources.map((s) => s.id)).toContain("seed-back-end-developer-page");
    }
  });

  it("has the back end developer's responsibilities", async () => {
    const { responsibilities } = await role("back-end-developer");
    for (const fact of [
      /server-side .*Node\.js, Python, PHP/i, // server-side code in Node.js, Python, PHP or similar
      /databases.*queries.*schemas?/i, // design and manage databases, queries, schema optimisation
      /RESTful APIs/i, // RESTful APIs for front-end functionality
      /authentication and authorisation/i, // data security, authentication, authorisation
      /performance.*scal.*reliab/i, // performance for scalability and reliability
      /front-end developers and DevOps/i, // collaborating with front-end and DevOps
      /deployments.*configuration.*CI\/CD/i, // deployments, environment configuration, CI/CD
      /bugs in live systems/i, // debugging issues in live environments
      /logs.*documentation.*monitoring/i, // server logs, documentation, monitoring tools
      /migrations.*upgrades.*refactoring/i, // migrations, upgrades, refactoring
      /external services/i, // integrating external services
    ]) {
      expect(has(responsibilities, fact), String(fact)).toBe(true);
    }
  });

  it("has the skills and requirements employers look for, with 2–5 years of experience", async () => {
    const r = await role("back-end-developer");
    expect(r.experienceYears).toEqual({ min: 2, max: 5 });
    expect(skillIds(r)).toEqual(
      expect.arrayContaining([
        "api-design", // REST APIs, API development
        "database-design", // relational and NoSQL databases, schema design
        "authentication-authorisation",
        "system-integration", // integration workflows, external services
        "ci-cd",
        "version-control",
        "server-architecture", // server architecture
        "cloud-infrastructure", // cloud hosting
        "scalability", // scaling
        "debugging", // troubleshoot and debug
        "performance-optimisation", // optimise back end logic, performance
        "collaboration", // working with front-end teams
        "data-structures",
        "caching",
        "unit-testing",
        "system-design", // system architecture
        "data-normalisation",
        "containerisation",
        "message-queues",
        "monitoring-logging", // performance monitoring tools
        "security-protocols",
        "adaptability", // adaptability across server-side languages
      ]),
    );
    // Relational and NoSQL databases.
    expect(techIds(r)).toEqual(expect.arrayContaining(["postgresql", "mongodb"]));
    expect(r.workplaces).toEqual(
      expect.arrayContaining(["Web platforms", "SaaS products", "Enterprise tools"]),
    );
  });

  it("names the languages and where each is common", async () => {
    const r = await role("back-end-developer");
    const context = new Map(r.technologies.map((t) => [t.technology.id, t.context]));
    for (const id of ["node-js", "python"]) expect(context.get(id)).toMatch(/startups and SaaS/i);
    for (const id of ["java", "php", "c-sharp"]) expect(context.get(id)).toMatch(/enterprise/i);
    for (const id of ["ruby-on-rails", "go"]) expect(context.get(id)).toMatch(/tech-driven teams/i);
  });

  it("has the tools: Docker, AWS, Azure, GCP, REST and GraphQL, version control", async () => {
    const r = await role("back-end-developer");
    expect(techIds(r)).toEqual(
      expect.arrayContaining(["docker", "aws", "azure", "gcp", "rest", "graphql", "git"]),
    );
  });

  it("has the UK 2025 bands: £45,000–£65,000 overall, £45,000–£55,000 mid-level, £56,000–£65,000 senior", async () => {
    const { tracks } = await env.api.data<{
      tracks: { id: string; salaryBands: Band[] }[];
    }>('{ tracks { id salaryBands(region: "UK") { region currency min max year notes } } }');
    const overall = tracks.find((t) => t.id === "backend")?.salaryBands;
    expect(overall).toEqual([
      expect.objectContaining({
        region: "UK",
        currency: "GBP",
        min: 45000,
        max: 65000,
        year: 2025,
      }),
    ]);
    const notes = overall?.[0]?.notes ?? [];
    expect(has(notes, /architecture design, API development and security/i)).toBe(true);
    expect(has(notes, /high-load systems and fintech/i)).toBe(true);
    expect(has(notes, /London.*Python, Node\.js and \.NET/i)).toBe(true);

    const mid = (await role("back-end-developer")).salaryBands.filter((b) => b.region === "UK");
    expect(mid).toEqual([
      expect.objectContaining({
        currency: "GBP",
        min: 45000,
        max: 55000,
        year: 2025,
        source: { id: "seed-back-end-developer-page" },
      }),
    ]);
    const senior = (await role("senior-back-end-developer")).salaryBands.filter(
      (b) => b.region === "UK",
    );
    expect(senior).toEqual([
      expect.objectContaining({ currency: "GBP", min: 56000, max: 65000, year: 2025 }),
    ]);
    expect(has(senior[0]?.notes ?? [], /cloud integration and microservices/i)).toBe(true);
  });

  it("has the ladder junior → back end → senior → technical architect / DevOps lead → head of engineering / CTO", async () => {
    const next = async (id: string) => (await role(id)).nextRoles.map((p) => p.to.id);
    expect(await next("junior-back-end-developer")).toContain("back-end-developer");
    expect(await next("back-end-developer")).toContain("senior-back-end-developer");
    expect(await next("senior-back-end-developer")).toEqual(
      expect.arrayContaining(["technical-architect", "devops-lead"]),
    );
    for (const id of ["technical-architect", "devops-lead"]) {
      expect(await next(id)).toEqual(expect.arrayContaining(["head-of-engineering", "cto"]));
    }
    const levels = await Promise.all(
      ["junior-back-end-developer", "back-end-developer", "senior-back-end-developer"].map(
        async (id) => (await role(id)).level,
      ),
    );
    expect(levels).toEqual(["JUNIOR", "MID", "SENIOR"]);
  });

  it("has the other moves it names: full stack, engineering manager, DevOps-focused roles and platform engineering", async () => {
    const moves = [
      ...(await role("back-end-developer")).nextRoles,
      ...(await role("senior-back-end-developer")).nextRoles,
      ...(await role("lead-back-end-developer")).nextRoles,
    ];
    const targets = moves.map((m) => m.to.id);
    expect(targets).toEqual(
      expect.arrayContaining([
        "full-stack-developer",
        "engineering-manager",
        "devops-engineer",
        "platform-engineer",
      ]),
    );
  });

  it("relates the back end developer to full stack developer, system developer and software sales executive", async () => {
    const related = (await role("back-end-developer")).relatedRoles.map((r) => r.role.id);
    expect(related).toEqual(
      expect.arrayContaining([
        "full-stack-developer",
        "system-developer",
        "software-sales-executive",
      ]),
    );
  });
});
