import fc, { type Arbitrary } from "fast-check";
import {
  coerceInputValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isNonNullType,
  isObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/auth/api-key.js";
import {
  LEVELS as MODEL_LEVELS,
  PROGRESSION_KINDS,
  RELATIONSHIP_TYPES,
  SKILL_CATEGORIES,
  TECHNOLOGY_KINDS,
  TECHNOLOGY_USAGES,
} from "../../src/model.js";
import { createSchema } from "../../src/schema.js";
import {
  boolArg,
  enumArg,
  floatArg,
  idArg,
  inputArg,
  intArg,
  listArg,
  literal,
  nastyString,
  oneOfLater,
  RawNumber,
  stringArg,
  stringsIn,
  toJson,
  wrongValue,
} from "../helpers/arbitraries.js";
import { useTestApi } from "../helpers/server.js";

/**
 * Generated bad input against every root field over HTTP: wrong types, numbers past every bound,
 * nasty strings, unknown ids and enum values, as variables and as literals. Each answer is a
 * coded error or data, never a 5xx, an INTERNAL_SERVER_ERROR or a leak of Cypher or driver text,
 * and the seed graph is as it was afterwards. Writes touch only ids starting "fz-"; what a write
 * stores comes back verbatim. Everything "fz-" is removed at the end.
 */

const env = useTestApi();

/** Runs per property: some 1,100 requests in all, about 35 s on a quiet machine. */
const RUNS = { query: 20, noArguments: 6, nested: 10, mutation: 15, verbatim: 20, envelope: 25 };
const FIELD_TIMEOUT_MS = 120_000;

const ACCEPTED = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "QUERY_TOO_COMPLEX",
  "TIMEOUT",
]);
const LEAK = /MATCH|Neo4j|neo4j|Cypher|at .*\.[tj]s:|Neo\.ClientError|Neo\.DatabaseError/;
const BODY_LIMIT_BYTES = 1024 * 1024;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const KEY_NAMES = { read: "fz-key-read", write: "fz-key-write", admin: "fz-key-admin" };
const keys = { read: "", write: "", admin: "" };
const bearer = (scope: keyof typeof keys) => ({ authorization: `Bearer ${keys[scope]}` });

/** Entities made here for writes to point at; the attacks never delete or replace them. */
const FIXTURES = {
  track: "fz-fix-track",
  source: "fz-fix-source",
  role: "fz-fix-role",
  role2: "fz-fix-role-2",
  skill: "fz-fix-skill",
  technology: "fz-fix-tech",
};
/** Ids the mutation attacks create, replace, link and delete. */
const POOL = ["fz-a", "fz-b", "fz-c", "fz-d"];

interface Known {
  all: Set<string>;
  roles: string[];
  skills: string[];
  technologies: string[];
  tracks: string[];
  sources: string[];
  keyNames: Set<string>;
}
let known: Known;
let schema: GraphQLSchema;
let pristine: Fingerprint;

// --- requests -------------------------------------------------------------------------------

type How = "variable" | "inline" | "omit" | "misdeclared";
interface Sent {
  how: How;
  value: unknown;
  /** The variable's declared type when misdeclared. */
  as?: string;
}
type Extra = "none" | "unknownArgument" | "unusedVariable" | "missingVariable" | "get";
type Headers = Record<string, string>;

const how: Arbitrary<How> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("variable" as const) },
  { weight: 2, arbitrary: fc.constant("inline" as const) },
  { weight: 1, arbitrary: fc.constant("omit" as const) },
  { weight: 1, arbitrary: fc.constant("misdeclared" as const) },
);
const extra: Arbitrary<Extra> = fc.oneof(
  { weight: 10, arbitrary: fc.constant("none" as const) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "unknownArgument" as const,
      "unusedVariable" as const,
      "missingVariable" as const,
      "get" as const,
    ),
  },
);
const WRONG_TYPES = ["String", "Int", "Float", "Boolean", "ID!", "[String]", "JSONObject", "Nope"];

const GARBAGE_HEADERS: Headers[] = [
  { authorization: "Bearer nope" },
  { authorization: "Basic abc" },
  { authorization: "Bearer" },
  { authorization: `Bearer rgk_0000000000000000_${"A".repeat(43)}` },
  { authorization: `Bearer ${"x".repeat(5000)}` },
  { authorization: "Bearer eyJhbGciOiJub25lIn0.e30." },
  { authorization: "Bearer ' OR 1=1 --" },
];
function headersArb(weights: Partial<Record<"none" | keyof typeof keys, number>>) {
  const pick = (scope: keyof typeof keys) => fc.constant(scope).map((s) => bearer(s) as Headers);
  return fc.oneof(
    { weight: weights.none ?? 0, arbitrary: fc.constant({} as Headers) },
    { weight: weights.read ?? 0, arbitrary: pick("read") },
    { weight: weights.write ?? 0, arbitrary: pick("write") },
    { weight: weights.admin ?? 0, arbitrary: pick("admin") },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_HEADERS) },
  );
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
  headers: Headers;
  get: boolean;
  /** The values sent, inline ones too: what an error message may echo. */
  sent?: unknown;
}

/**
 * One operation calling `field` with each argument sent its way: as a variable of its own type or
 * of a wrong one, inline, or left out. `wrap` nests the call inside a fixed selection.
 */
function operation(
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  sent: Record<string, Sent>,
  select: string,
  more: Extra,
  wrap: (inner: string) => string = (inner) => inner,
): Omit<Request, "headers"> {
  const declarations: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  field.args.forEach((arg: GraphQLArgument, i) => {
    const s = sent[arg.name];
    if (s === undefined || s.how === "omit") return;
    if (s.how === "inline") {
      args.push(`${arg.name}: ${literal(s.value, arg.type)}`);
      return;
    }
    const real = String(arg.type);
    const type = s.how === "misdeclared" ? (s.as === real ? "Nope" : (s.as ?? "Nope")) : real;
    declarations.push(`$v${i}: ${type}`);
    args.push(`${arg.name}: $v${i}`);
    if (s.value !== undefined) variables[`v${i}`] = s.value;
  });
  if (more === "unknownArgument") args.push("fzBogus: 1");
  if (more === "unusedVariable") declarations.push("$unused: Int");
  if (more === "missingVariable") {
    declarations.push("$missing: ID!");
    args.push("fzMissing: $missing");
  }
  const call = `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""} ${select}`;
  const head = declarations.length > 0 ? `(${declarations.join(", ")})` : "";
  return {
    query: `${kind} Fz${head} { ${wrap(call)} }`,
    variables,
    get: more === "get",
    sent: Object.values(sent).map((s) => s.value),
  };
}

interface Outcome {
  status: number;
  text: string;
  bytes: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
}

async function send(request: Request): Promise<Outcome> {
  const url = `${env.api.url}/graphql`;
  const json = toJson({ query: request.query, variables: request.variables });
  const bytes = Buffer.byteLength(json);
  let response: Response;
  const search = new URLSearchParams({
    query: request.query,
    variables: toJson(request.variables),
  }).toString();
  if (request.get && request.query.startsWith("query") && search.length < 8_000) {
    response = await fetch(`${url}?${search}`, {
      headers: { "apollo-require-preflight": "true", ...request.headers },
    });
  } else {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...request.headers },
      body: json,
    });
  }
  const text = await response.text();
  let body: Outcome["body"] = null;
  try {
    body = JSON.parse(text) as Outcome["body"];
  } catch {
    body = null;
  }
  return { status: response.status, text, bytes, body };
}

/** The message with every echo of the request's own strings taken out. */
function withoutEchoes(message: string, request: Request): string {
  const echoes = [...stringsIn(request.variables), ...stringsIn(request.sent)]
    .filter((s) => s.length > 0)
    .flatMap((s) => [s, JSON.stringify(s), JSON.stringify(s).slice(1, -1), s.slice(0, 40)])
    .flatMap((s) => [s, JSON.stringify(s.slice(0, 40))])
    .sort((a, b) => b.length - a.length);
  let rest = message;
  for (const echo of echoes) if (echo.length > 2) rest = rest.split(echo).join("");
  return rest;
}

/** A JSON key the body parser refuses outright (see the test of it below). */
const PROTO_KEY = /"__proto__"\s*:/;

/**
 * The contract for any request, however bad: below 500; a body over the limit refused (413)
 * before GraphQL; otherwise a GraphQL body whose every error has an accepted code and no leak.
 */
function expectPolite(outcome: Outcome, request: Request): void {
  const label = `${request.query.slice(0, 300)}\n${toJson(request.variables).slice(0, 300)}`;
  expect(outcome.status, `${label}\n${outcome.text.slice(0, 500)}`).toBeLessThan(500);
  if (outcome.bytes > BODY_LIMIT_BYTES) {
    expect(outcome.status, label).toBe(413);
    return;
  }
  const graphqlShaped = outcome.body?.errors !== undefined || outcome.body?.data != null;
  if (!graphqlShaped && PROTO_KEY.test(toJson(request.variables))) return;
  expect(outcome.body, `not JSON: ${outcome.text.slice(0, 300)}\n${label}`).not.toBeNull();
  const body = outcome.body ?? {};
  expect(body.errors !== undefined || body.data != null, label).toBe(true);
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    expect(typeof code, `${error.message}\n${label}`).toBe("string");
    expect(ACCEPTED.has(code as string), `${code}: ${error.message}\n${label}`).toBe(true);
    expect(error.extensions?.stacktrace, label).toBeUndefined();
    expect(withoutEchoes(error.message, request), label).not.toMatch(LEAK);
  }
}

// --- the graph, before and after ---------------------------------------------------------------

interface Fingerprint {
  labels: Record<string, number>;
  types: Record<string, number>;
  touched: number;
}

const OURS = "coalesce(x.id, '') STARTS WITH 'fz-'";
const ours = (v: string) => OURS.replace("x.", `${v}.`);

async function fingerprint(): Promise<Fingerprint> {
  const [row] = await env.db.cypher<Record<string, unknown>>(`
CALL () {
  MATCH (n) WHERE NOT n:Change AND NOT n:GraphVersion AND NOT ${ours("n")}
    AND NOT (n:ApiKey AND n.name STARTS WITH 'fz-')
  UNWIND labels(n) AS label
  WITH label, count(*) AS n ORDER BY label
  RETURN collect([label, n]) AS labels
}
CALL () {
  MATCH (a)-[r]->(b) WHERE NOT ${ours("a")} AND NOT ${ours("b")}
  WITH type(r) AS type, count(*) AS n ORDER BY type
  RETURN collect([type, n]) AS types
}
CALL () {
  OPTIONAL MATCH (n) WHERE n.updatedBy STARTS WITH 'fz-' AND NOT ${ours("n")}
  RETURN count(n) AS nodes
}
CALL () {
  OPTIONAL MATCH (a)-[r]->(b)
  WHERE r.updatedBy STARTS WITH 'fz-' AND NOT ${ours("a")} AND NOT ${ours("b")}
  RETURN count(r) AS links
}
RETURN labels, types, nodes + links AS touched`);
  const pairs = (list: unknown) => Object.fromEntries(list as [string, number][]);
  return {
    labels: pairs(row?.labels),
    types: pairs(row?.types),
    touched: Number(row?.touched),
  };
}

/** Entities that are neither the seed's nor ours: a write that escaped its guard. */
async function strays(): Promise<string[]> {
  const [row] = await env.db.cypher<{ ids: string[] }>(
    "MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'fz-' RETURN collect(n.id) AS ids",
  );
  return (row?.ids ?? []).filter((id) => !known.all.has(id));
}

async function exists(id: string): Promise<boolean> {
  const rows = await env.db.cypher<{ n: number }>(
    "MATCH (n:Entity {id: $id}) RETURN count(n) AS n",
    { id },
  );
  return Number(rows[0]?.n) > 0;
}

// --- writes kept off the seed graph ------------------------------------------------------------

const isSeed = (v: unknown) =>
  (typeof v === "string" || typeof v === "number") && known.all.has(String(v));
const isOurs = (v: unknown) => typeof v === "string" && v.startsWith("fz-");
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

type Guard = (sent: Record<string, Sent>) => Record<string, Sent>;

/**
 * An entity id a write may use: ours, or one that cannot be stored. A number may arrive as an
 * id (ID takes integers, inline ones of any length), so any number counts as storable.
 */
const safeId = (v: unknown) =>
  isSeed(v) ||
  typeof v === "number" ||
  v instanceof RawNumber ||
  (typeof v === "string" && SLUG.test(v) && !isOurs(v))
    ? "fz-a"
    : v;
const keepFixtures = (v: unknown) => (Object.values(FIXTURES).includes(v as string) ? "fz-b" : v);

/** Upserts: the input's id is ours (a fixture is not replaced). */
const upsertGuard: Guard = (sent) => {
  const input = sent.input;
  if (!input || !isObject(input.value) || !("id" in input.value)) return sent;
  const value = { ...input.value, id: keepFixtures(safeId(input.value.id)) };
  return { ...sent, input: { ...input, value } };
};

/** Deletes: only ours, never a fixture. */
const deleteGuard: Guard = (sent) => {
  const id = sent.id;
  if (!id) return sent;
  return { ...sent, id: { ...id, value: keepFixtures(isSeed(id.value) ? "fz-a" : id.value) } };
};

/** Links: never between two seed entities. */
function linkGuard(a: string, b: string, inInput: boolean): Guard {
  return (sent) => {
    const holder = inInput ? sent.input?.value : undefined;
    const value = (name: string) =>
      inInput ? (holder as Record<string, unknown>)?.[name] : sent[name]?.value;
    if (inInput && !isObject(holder)) return sent;
    if (!(isSeed(value(a)) && isSeed(value(b)))) return sent;
    if (inInput) {
      const input = sent.input as Sent;
      return { ...sent, input: { ...input, value: { ...(holder as object), [b]: "fz-a" } } };
    }
    return { ...sent, [b]: { how: "variable", value: "fz-a" } };
  };
}

/** Key names: a storable name is ours; our own keys are neither replaced nor revoked. */
const keyNameGuard: Guard = (sent) => {
  const name = sent.name;
  if (!name || typeof name.value !== "string") return sent;
  const v = name.value;
  const taken = Object.values(KEY_NAMES).includes(v) || known.keyNames.has(v);
  const safe = taken || (KEY_NAME.test(v) && !v.startsWith("fz-")) ? `fz-gen-${v}`.slice(0, 64) : v;
  return { ...sent, name: { ...name, value: safe } };
};

/** A document a real import may write: every entity ours, every link with one end ours. */
function documentIsOurs(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(documentIsOurs);
  if (!isObject(value)) return true;
  if ("id" in value && safeId(value.id) !== value.id) return false;
  const ends = ["from", "to", "role", "skill", "technology"].filter((k) => k in value);
  if (!("id" in value) && ends.length > 0 && !ends.some((k) => isOurs(value[k]))) return false;
  return Object.values(value).every(documentIsOurs);
}

/** Imports: a REPLACE, or a document touching the seed, is only ever a dry run. */
const importGuard: Guard = (sent) => {
  const replace = sent.mode?.how !== "omit" && sent.mode?.value === "REPLACE";
  if (!replace && documentIsOurs(sent.document?.value)) return sent;
  return { ...sent, dryRun: { how: "variable", value: true } };
};

// --- the attack table --------------------------------------------------------------------------

interface Attack {
  select: string;
  args: Record<string, Arbitrary<unknown>>;
  headers?: Arbitrary<Headers>;
  guard?: Guard;
}

const LEVELS = [...MODEL_LEVELS];
const KINDS = [...TECHNOLOGY_KINDS];
const CATEGORIES = [...SKILL_CATEGORIES];
const RELATIONSHIPS = [...RELATIONSHIP_TYPES];
const USAGES = [...TECHNOLOGY_USAGES];
const MOVES = [...PROGRESSION_KINDS];

/** A cursor: forged ones that decode to a key of any shape, and junk. */
const cursorArg = fc.oneof(
  { weight: 2, arbitrary: stringArg },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(nastyString, wrongValue), fc.oneof(nastyString, wrongValue))
      .map((key) => Buffer.from(toJson(key), "utf8").toString("base64url")),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.jsonValue(), fc.constant(["a"]))
      .map((v) => Buffer.from(toJson(v), "utf8").toString("base64url")),
  },
);

const sinceArg = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "2024-01-31",
      "2024-02-30",
      "2024-13-01",
      "0000-01-01",
      "9999-12-31T23:59:59.999999999+14:00",
      "2024-01-01T25:61",
      "2024-01-01T00:00:00Z",
      "2024-01-01T00:00:00.123456789-23:59",
      "+275760-09-13T00:00:00Z",
      "yesterday",
    ),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 3, arbitrary: stringArg },
);

function queryTable(): Record<string, Attack> {
  const role = idArg(oneOfLater(() => [...known.roles, FIXTURES.role]));
  const track = idArg(oneOfLater(() => known.tracks));
  const skill = idArg(oneOfLater(() => known.skills));
  const technology = idArg(oneOfLater(() => known.technologies));
  const anyEntity = idArg(
    oneOfLater(() => [...known.roles, ...known.skills, ...known.technologies, ...known.tracks]),
  );
  const first = intArg(0, 100);
  const reachFirst = intArg(0, 1000);
  const steps = intArg(1, 8);
  const text = fc.oneof(stringArg, fc.constantFrom("back end", "kubernets", "sre", "a"));
  const filterFields = { track, skill, technology, text, level: enumArg(LEVELS) };
  return {
    skillDemand: { select: "{ label value }", args: { first, track } },
    technologyDemand: {
      select: "{ label value }",
      args: { first, track, kind: enumArg(KINDS) },
    },
    roleCentrality: {
      select: "{ label rank }",
      args: {
        first,
        track,
        level: enumArg(LEVELS),
        metric: enumArg(["DEGREE", "BETWEENNESS", "PAGERANK"]),
      },
    },
    bottlenecks: {
      select: "{ moves routes roles { label share } }",
      args: { from: role, to: role, first, maxSteps: steps },
    },
    transitionMatrix: {
      select: "{ from to count }",
      args: { groupBy: enumArg(["TRACK", "LEVEL"]), includeEmpty: boolArg },
    },
    salaryStats: {
      select: "{ key region median }",
      args: {
        region: fc.oneof(stringArg, fc.constantFrom("UK", "us", " US ")),
        groupBy: enumArg(["LEVEL", "TRACK"]),
      },
    },
    graphStats: { select: "{ nodes { name count } }", args: {} },
    apiKeys: {
      select: "{ name scope }",
      args: {},
      headers: headersArb({ none: 1, read: 1, admin: 4 }),
    },
    changes: {
      select: "{ id at action }",
      args: { first, since: sinceArg },
      headers: headersArb({ none: 1, read: 4, admin: 1 }),
    },
    neighborhood: {
      select: "{ truncated nodes { __typename } edges { type from to } }",
      args: {
        id: anyEntity,
        depth: intArg(1, 3),
        limit: intArg(1, 1000),
        direction: enumArg(["OUTGOING", "INCOMING", "BOTH"]),
        relationships: listArg(enumArg(RELATIONSHIPS), 30),
      },
    },
    reachableRoles: {
      select: "{ steps minYears role { id } }",
      args: { from: role, maxSteps: intArg(1, 6), first: reachFirst },
    },
    feederRoles: {
      select: "{ steps minYears role { id } }",
      args: { to: role, maxSteps: intArg(1, 6), first: reachFirst },
    },
    roles: {
      select: "{ totalCount edges { cursor node { id } } pageInfo { endCursor } }",
      args: { first, after: cursorArg, filter: inputArg(filterFields) },
    },
    skills: {
      select: "{ totalCount edges { cursor node { id } } pageInfo { endCursor } }",
      args: {
        first,
        after: cursorArg,
        filter: inputArg({ track, technology, text, category: enumArg(CATEGORIES) }),
      },
    },
    technologies: {
      select: "{ totalCount edges { cursor node { id } } pageInfo { endCursor } }",
      args: {
        first,
        after: cursorArg,
        filter: inputArg({ track, skill, text, kind: enumArg(KINDS), hot: boolArg }),
      },
    },
    careerPaths: {
      select: "{ cost totalSteps roles { id } }",
      args: {
        from: role,
        to: role,
        k: intArg(1, 10),
        maxSteps: steps,
        weightBy: enumArg(["STEPS", "YEARS", "SKILL_GAP"]),
        avoid: listArg(role, 110),
      },
    },
    skillGap: { select: "{ coverage missing { importance } }", args: { from: role, to: role } },
    rolesWithinReach: {
      select: "{ coverage role { id } }",
      args: { skills: listArg(skill, 60), maxMissing: intArg(0, 50), first },
    },
    role: { select: "{ id title }", args: { id: role } },
    search: { select: "{ score entity { __typename } }", args: { text, first } },
    skill: { select: "{ id name }", args: { id: skill } },
    sources: { select: "{ id }", args: {} },
    technology: { select: "{ id name }", args: { id: technology } },
    tracks: { select: "{ id }", args: {} },
  };
}

function mutationTable(): Record<string, Attack> {
  const pool = (more: () => readonly string[]) => idArg(oneOfLater(() => [...POOL, ...more()]));
  const roleRef = pool(() => [FIXTURES.role, FIXTURES.role2, ...known.roles.slice(0, 3)]);
  const skillRef = pool(() => [FIXTURES.skill, ...known.skills.slice(0, 3)]);
  const techRef = pool(() => [FIXTURES.technology, ...known.technologies.slice(0, 3)]);
  const trackRef = pool(() => [FIXTURES.track, ...known.tracks.slice(0, 2)]);
  const sourceRef = pool(() => [FIXTURES.source, ...known.sources.slice(0, 2)]);
  const text = fc.oneof(stringArg, fc.constantFrom("Plain name", "Zoë's skill"));
  const texts = listArg(text, 30);
  const ownId = pool(() => []);
  const write = headersArb({ none: 1, read: 1, write: 12, admin: 3 });
  const admin = headersArb({ none: 1, read: 1, write: 1, admin: 12 });
  const year = intArg(1990, 2100);
  const money = intArg(0, 1_000_000);
  const deleteAttack: Attack = {
    select: "{ id kind relationships salaryBands }",
    args: { id: ownId },
    headers: write,
    guard: deleteGuard,
  };
  const link = (a: string, b: string, input: Record<string, Arbitrary<unknown>>): Attack => ({
    select: "",
    args: { input: inputArg(input) },
    headers: write,
    guard: linkGuard(a, b, true),
  });
  const unlink = (
    a: string,
    ra: Arbitrary<unknown>,
    b: string,
    rb: Arbitrary<unknown>,
  ): Attack => ({
    select: "",
    args: { [a]: ra, [b]: rb },
    headers: write,
    guard: linkGuard(a, b, false),
  });
  const ourId = fc.stringMatching(/^fz-doc-[a-z0-9]{1,6}$/);
  const document = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record(
        {
          tracks: fc.array(fc.record({ id: ourId, name: text }), { maxLength: 2 }),
          skills: fc.array(fc.record({ id: ourId, name: text, category: enumArg(CATEGORIES) }), {
            maxLength: 2,
          }),
          roles: fc.array(
            fc.record({
              id: ourId,
              title: text,
              level: enumArg(LEVELS),
              track: trackRef,
              aliases: texts,
            }),
            { maxLength: 2 },
          ),
          progressions: fc.array(
            fc.record({
              from: roleRef,
              to: roleRef,
              kind: enumArg(MOVES),
              typicalYears: floatArg(0, 20),
            }),
            { maxLength: 2 },
          ),
          bogus: wrongValue,
        },
        { requiredKeys: [] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), wrongValue, { maxKeys: 4 }),
    },
    { weight: 1, arbitrary: wrongValue },
  );
  return {
    createApiKey: {
      select: "{ name scope }",
      args: {
        name: fc.oneof(stringArg, fc.stringMatching(/^fz-gen-[a-z0-9]{1,10}$/)),
        scope: enumArg(["READ", "WRITE", "ADMIN"]),
      },
      headers: admin,
      guard: keyNameGuard,
    },
    revokeApiKey: {
      select: "",
      args: { name: fc.oneof(stringArg, fc.stringMatching(/^fz-gen-[a-z0-9]{1,10}$/)) },
      headers: admin,
      guard: keyNameGuard,
    },
    upsertTrack: {
      select: "{ id name description }",
      args: { input: inputArg({ id: ownId, name: text, description: text }) },
      headers: write,
      guard: upsertGuard,
    },
    upsertSkill: {
      select: "{ id name }",
      args: {
        input: inputArg({
          id: ownId,
          name: text,
          category: enumArg(CATEGORIES),
          description: text,
          onetElement: fc.oneof(text, fc.constant("2.B.3.e")),
        }),
      },
      headers: write,
      guard: upsertGuard,
    },
    upsertTechnology: {
      select: "{ id name }",
      args: {
        input: inputArg({
          id: ownId,
          name: text,
          kind: enumArg(KINDS),
          hot: boolArg,
          inDemand: boolArg,
        }),
      },
      headers: write,
      guard: upsertGuard,
    },
    upsertRole: {
      select: "{ id title aliases }",
      args: {
        input: inputArg({
          id: ownId,
          title: text,
          level: enumArg(LEVELS),
          track: trackRef,
          aliases: texts,
          summary: text,
          responsibilities: texts,
          onetCode: fc.oneof(text, fc.constant("15-1252.00")),
          experienceYears: inputArg({ min: floatArg(0, 40), max: floatArg(0, 40) }),
          workplaces: texts,
        }),
      },
      headers: write,
      guard: upsertGuard,
    },
    upsertSource: {
      select: "{ id title url }",
      args: {
        input: inputArg({
          id: ownId,
          title: text,
          publisher: text,
          url: fc.oneof(text, fc.webUrl(), fc.constantFrom("javascript:alert(1)", "http://")),
          licence: text,
          credit: text,
          retrievedOn: fc.oneof(sinceArg, fc.constant("2024-02-29")),
        }),
      },
      headers: write,
      guard: upsertGuard,
    },
    upsertSalaryBand: {
      select: "{ id region min max }",
      args: {
        input: inputArg({
          id: ownId,
          role: roleRef,
          track: trackRef,
          region: text,
          currency: fc.oneof(fc.constantFrom("GBP", "gbp", "€", "GBPX"), text),
          min: money,
          max: money,
          year,
          source: sourceRef,
          derivation: text,
          notes: texts,
        }),
      },
      headers: write,
      guard: upsertGuard,
    },
    deleteRole: deleteAttack,
    deleteSkill: deleteAttack,
    deleteTechnology: deleteAttack,
    deleteTrack: deleteAttack,
    deleteSource: deleteAttack,
    deleteSalaryBand: deleteAttack,
    setProgression: link("from", "to", {
      from: roleRef,
      to: roleRef,
      kind: enumArg(MOVES),
      typicalYears: floatArg(0, 20),
    }),
    removeProgression: unlink("from", roleRef, "to", roleRef),
    setRoleSkill: link("role", "skill", {
      role: roleRef,
      skill: skillRef,
      importance: intArg(1, 5),
    }),
    removeRoleSkill: unlink("role", roleRef, "skill", skillRef),
    setRoleTechnology: link("role", "technology", {
      role: roleRef,
      technology: techRef,
      usage: enumArg(USAGES),
      context: text,
    }),
    removeRoleTechnology: unlink("role", roleRef, "technology", techRef),
    setRelatedRoles: link("from", "to", {
      from: roleRef,
      to: roleRef,
      similarity: floatArg(0, 1),
    }),
    removeRelatedRoles: unlink("from", roleRef, "to", roleRef),
    linkSkillTechnology: unlink("skill", skillRef, "technology", techRef),
    unlinkSkillTechnology: unlink("skill", skillRef, "technology", techRef),
    importGraph: {
      select: "{ mode dryRun entities { kind created updated deleted } }",
      args: { document, mode: enumArg(["MERGE", "REPLACE"]), dryRun: boolArg },
      headers: admin,
      guard: importGuard,
    },
  };
}

/** Arguments of fields below the root: each nested in a fixed call on seed data. */
interface NestedAttack extends Attack {
  wrap: (inner: string) => string;
}

function nestedTable(): Record<string, NestedAttack> {
  const role = () => known.roles[0];
  const skill = () => known.skills[0];
  const technology = () => known.technologies[0];
  const region = fc.oneof(stringArg, fc.constantFrom("UK", "uk", " US "));
  return {
    "Role.skills": {
      select: "{ importance }",
      args: { minImportance: intArg(1, 5) },
      wrap: (inner) => `role(id: "${role()}") { ${inner} }`,
    },
    "Role.technologies": {
      select: "{ usage }",
      args: { kind: enumArg(KINDS) },
      wrap: (inner) => `role(id: "${role()}") { ${inner} }`,
    },
    "Role.salaryBands": {
      select: "{ id }",
      args: { region },
      wrap: (inner) => `role(id: "${role()}") { ${inner} }`,
    },
    "Track.salaryBands": {
      select: "{ id }",
      args: { region },
      wrap: (inner) => `tracks { ${inner} }`,
    },
    "Skill.roles": {
      select: "{ id }",
      args: { first: intArg(0, 100) },
      wrap: (inner) => `skill(id: "${skill()}") { ${inner} }`,
    },
    "Skill.relatedSkills": {
      select: "{ sharedRoles }",
      args: { first: intArg(0, 100) },
      wrap: (inner) => `skill(id: "${skill()}") { ${inner} }`,
    },
    "Technology.roles": {
      select: "{ id }",
      args: { first: intArg(0, 100) },
      wrap: (inner) => `technology(id: "${technology()}") { ${inner} }`,
    },
  };
}

const QUERIES = queryTable();
const MUTATIONS = mutationTable();
const NESTED = nestedTable();

/** Whether a JSON value is one GraphQL accepts for a variable of `type`. */
function coerces(value: unknown, type: GraphQLInputType): boolean {
  let ok = true;
  coerceInputValue(JSON.parse(toJson(value ?? null)), type, () => {
    ok = false;
  });
  return ok;
}

/**
 * Half the requests are wild: each argument of any shape, sent any way, with the odd extra
 * mistake. The other half are well typed, sent as variables, so that they get past validation
 * and coercion to the resolvers, which must then refuse what they cannot answer.
 */
function requestArb(
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  attack: Attack,
  wrap?: (inner: string) => string,
): Arbitrary<Request> {
  const arbitraryOf = (arg: GraphQLArgument) => attack.args[arg.name] ?? fc.constant(null);
  const wild = fc.record(
    Object.fromEntries(
      field.args.map((arg) => [
        arg.name,
        fc.record({ how, value: arbitraryOf(arg), as: fc.constantFrom(...WRONG_TYPES) }),
      ]),
    ),
  ) as Arbitrary<Record<string, Sent>>;
  const typed = fc.record(
    Object.fromEntries(
      field.args.map((arg) => {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        const sentHow = required
          ? fc.constant("variable" as const)
          : fc.constantFrom("variable" as const, "variable" as const, "omit" as const);
        const value = arbitraryOf(arg).filter((v) => coerces(v, arg.type));
        return [arg.name, fc.record({ how: sentHow, value })];
      }),
    ),
  ) as Arbitrary<Record<string, Sent>>;
  const headers = attack.headers ?? headersArb({ none: 8, read: 1, admin: 1 });
  const request = fc.oneof(
    fc.tuple(wild, extra, headers),
    fc.tuple(typed, fc.constant("none" as const), headers),
  );
  return request.map(([s, more, h]) => ({
    ...operation(kind, field, (attack.guard ?? ((x) => x))(s), attack.select, more, wrap),
    headers: h,
  }));
}

async function attackField(
  kind: "query" | "mutation",
  name: string,
  attack: Attack,
  numRuns: number,
  wrap?: (inner: string) => string,
  owner = kind === "query" ? schema.getQueryType() : schema.getMutationType(),
): Promise<void> {
  const field = owner?.getFields()[name];
  if (!field) throw new Error(`no field ${name}`);
  await fc.assert(
    fc.asyncProperty(requestArb(kind, field, attack, wrap), async (request) => {
      expectPolite(await send(request), request);
    }),
    { numRuns },
  );
}

// --- set-up and clean-up -----------------------------------------------------------------------

async function ids(label: string): Promise<string[]> {
  const rows = await env.db.cypher<{ ids: string[] }>(
    `MATCH (n:${label}) WHERE NOT n.id STARTS WITH 'fz-'
     WITH n ORDER BY COUNT { (n)--() } DESC, n.id RETURN collect(n.id)[0..6] AS ids`,
  );
  return rows[0]?.ids ?? [];
}

async function mutate(query: string, variables: Record<string, unknown>): Promise<void> {
  const { body } = await env.api.graphql(query, variables, bearer("write"));
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

beforeAll(async () => {
  schema = await createSchema();
  const [all] = await env.db.cypher<{ ids: string[] }>(
    "MATCH (n:Entity) RETURN collect(n.id) AS ids",
  );
  const [keyRows] = await env.db.cypher<{ names: string[] }>(
    "MATCH (k:ApiKey) RETURN collect(k.name) AS names",
  );
  known = {
    all: new Set(all?.ids ?? []),
    roles: await ids("Role"),
    skills: await ids("Skill"),
    technologies: await ids("Technology"),
    tracks: await ids("Track"),
    sources: await ids("Source"),
    keyNames: new Set(keyRows?.names ?? []),
  };
  for (const scope of ["read", "write", "admin"] as const) {
    keys[scope] = (await createKey(env.db.executor, KEY_NAMES[scope], scope)).key;
  }
  pristine = await fingerprint();
  await mutate("mutation ($i: TrackInput!) { upsertTrack(input: $i) { id } }", {
    i: { id: FIXTURES.track, name: "Fz track" },
  });
  await mutate("mutation ($i: SourceInput!) { upsertSource(input: $i) { id } }", {
    i: { id: FIXTURES.source, title: "Fz source" },
  });
  for (const [id, level] of [
    [FIXTURES.role, "JUNIOR"],
    [FIXTURES.role2, "SENIOR"],
  ]) {
    await mutate("mutation ($i: RoleInput!) { upsertRole(input: $i) { id } }", {
      i: { id, title: `Fz ${level}`, level, track: FIXTURES.track },
    });
  }
  await mutate("mutation ($i: SkillInput!) { upsertSkill(input: $i) { id } }", {
    i: { id: FIXTURES.skill, name: "Fz skill", category: "DOMAIN" },
  });
  await mutate("mutation ($i: TechnologyInput!) { upsertTechnology(input: $i) { id } }", {
    i: { id: FIXTURES.technology, name: "Fz tech", kind: "TOOL" },
  });
});

afterAll(async () => {
  await env.db.cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'fz-' DETACH DELETE n");
  await env.db.cypher("MATCH (c:Change) WHERE c.by STARTS WITH 'fz-' DETACH DELETE c");
  await env.db.cypher("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'fz-' DELETE k");
  await env.db.cypher(
    "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1",
  );
  expect(await fingerprint()).toEqual(pristine);
  expect(await strays()).toEqual([]);
});

// --- the properties ----------------------------------------------------------------------------

describe("the attack table", () => {
  it("covers every argument of every root field, and every field argument below the root", () => {
    const expected = (fields: Record<string, GraphQLField<unknown, unknown>>) =>
      Object.fromEntries(
        Object.values(fields).map((f) => [f.name, f.args.map((a) => a.name).sort()]),
      );
    const covered = (table: Record<string, Attack>) =>
      Object.fromEntries(Object.entries(table).map(([n, a]) => [n, Object.keys(a.args).sort()]));
    expect(covered(QUERIES)).toEqual(expected(schema.getQueryType()?.getFields() ?? {}));
    expect(covered(MUTATIONS)).toEqual(expected(schema.getMutationType()?.getFields() ?? {}));
    const below: Record<string, string[]> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
      for (const f of Object.values(type.getFields())) {
        if (f.args.length > 0) below[`${type.name}.${f.name}`] = f.args.map((a) => a.name).sort();
      }
    }
    expect(covered(NESTED)).toEqual(below);
  });
});

describe("queries under attack", () => {
  it.each(Object.keys(QUERIES))(
    "%s answers every generated request with data or a coded error",
    async (name) => {
      const attack = QUERIES[name] as Attack;
      const runs = Object.keys(attack.args).length === 0 ? RUNS.noArguments : RUNS.query;
      await attackField("query", name, attack, runs);
    },
    FIELD_TIMEOUT_MS,
  );

  it.each(Object.keys(NESTED))(
    "%s (below the root) answers bad arguments with a coded error",
    async (key) => {
      const [typeName, fieldName] = key.split(".") as [string, string];
      const attack = NESTED[key] as NestedAttack;
      const owner = schema.getType(typeName);
      if (!isObjectType(owner)) throw new Error(`no type ${typeName}`);
      await attackField("query", fieldName, attack, RUNS.nested, attack.wrap, owner);
    },
    FIELD_TIMEOUT_MS,
  );

  it("leaves the graph as it was", async () => {
    expect(await fingerprint()).toEqual(pristine);
  });
});

describe("mutations under attack", () => {
  it.each(Object.keys(MUTATIONS))(
    "%s answers every generated request with data or a coded error, and spares the seed",
    async (name) => {
      await attackField("mutation", name, MUTATIONS[name] as Attack, RUNS.mutation);
      expect(await strays()).toEqual([]);
      expect(await fingerprint()).toEqual(pristine);
    },
    FIELD_TIMEOUT_MS,
  );
});

// --- what a write stores comes back verbatim -----------------------------------------------------

/** Text as a curator might send it: nasty strings, and plain ones so that some writes succeed. */
const curatorText = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("Plain", 'Zoë\'s "quoted" name', "C++ / C#") },
);
const optional = <T>(arb: Arbitrary<T>) => fc.option(arb, { nil: undefined });
const texts = optional(fc.array(curatorText, { maxLength: 3 }));

interface Stored {
  mutation: string;
  /** The input but its id; references point at the fixtures. */
  input: Arbitrary<Record<string, unknown>>;
  /** Reads the entity back through the API; undefined when it is not there. */
  read: (id: string) => Promise<Record<string, unknown> | undefined>;
  /** The fields that hold text, compared verbatim. */
  strings: string[];
}

async function readOne(query: string, pick: (data: Record<string, unknown>) => unknown) {
  const { body } = await env.api.graphql(query);
  expect(body.errors, query).toBeUndefined();
  return pick(body.data ?? {}) as Record<string, unknown> | undefined;
}
const find = (list: unknown, id: string) =>
  (list as { id: string }[] | undefined)?.find((x) => x.id === id);

const STORED: Record<string, Stored> = {
  Track: {
    mutation: "upsertTrack(input: $input) { id name description }",
    input: fc.record({ name: curatorText, description: optional(curatorText) }),
    read: (id) => readOne("{ tracks { id name description } }", (d) => find(d.tracks, id)),
    strings: ["name", "description"],
  },
  Skill: {
    mutation: "upsertSkill(input: $input) { id name description onetElement }",
    input: fc.record({
      name: curatorText,
      category: fc.constantFrom(...CATEGORIES),
      description: optional(curatorText),
      onetElement: optional(fc.oneof(curatorText, fc.constant("2.B.3.e"))),
    }),
    read: (id) =>
      readOne(`{ skill(id: ${JSON.stringify(id)}) { id name description onetElement } }`, (d) =>
        d.skill === null ? undefined : d.skill,
      ),
    strings: ["name", "description", "onetElement"],
  },
  Technology: {
    mutation: "upsertTechnology(input: $input) { id name }",
    input: fc.record({ name: curatorText, kind: fc.constantFrom(...KINDS) }),
    read: (id) =>
      readOne(`{ technology(id: ${JSON.stringify(id)}) { id name } }`, (d) =>
        d.technology === null ? undefined : d.technology,
      ),
    strings: ["name"],
  },
  Role: {
    mutation:
      "upsertRole(input: $input) { id title aliases summary responsibilities onetCode workplaces }",
    input: fc.record({
      title: curatorText,
      level: fc.constantFrom(...LEVELS),
      track: fc.constant(FIXTURES.track),
      aliases: texts,
      summary: optional(curatorText),
      responsibilities: texts,
      onetCode: optional(fc.oneof(curatorText, fc.constant("15-1252.00"))),
      workplaces: texts,
    }),
    read: (id) =>
      readOne(
        `{ role(id: ${JSON.stringify(id)}) {
           id title aliases summary responsibilities onetCode workplaces } }`,
        (d) => (d.role === null ? undefined : d.role),
      ),
    strings: ["title", "aliases", "summary", "responsibilities", "onetCode", "workplaces"],
  },
  Source: {
    mutation: "upsertSource(input: $input) { id title publisher url licence credit retrievedOn }",
    input: fc.record({
      title: curatorText,
      publisher: optional(curatorText),
      url: optional(
        fc.oneof(curatorText, fc.webUrl({ withQueryParameters: true, withFragments: true })),
      ),
      licence: optional(curatorText),
      credit: optional(curatorText),
      retrievedOn: optional(fc.oneof(curatorText, fc.constantFrom("2024-02-29", "2023-02-29"))),
    }),
    read: (id) =>
      readOne("{ sources { id title publisher url licence credit retrievedOn } }", (d) =>
        find(d.sources, id),
      ),
    strings: ["title", "publisher", "url", "licence", "credit", "retrievedOn"],
  },
  SalaryBand: {
    mutation: "upsertSalaryBand(input: $input) { id region currency derivation notes }",
    input: fc.record({
      role: fc.constant(FIXTURES.role),
      region: curatorText,
      currency: fc.oneof(fc.constant("GBP"), curatorText),
      min: fc.constant(1),
      max: fc.constant(2),
      year: fc.constant(2026),
      source: fc.constant(FIXTURES.source),
      derivation: optional(curatorText),
      notes: texts,
    }),
    read: (id) =>
      readOne(
        `{ role(id: "${FIXTURES.role}") { salaryBands { id region currency derivation notes } } }`,
        (d) => find((d.role as { salaryBands: unknown } | null)?.salaryBands, id),
      ),
    strings: ["region", "currency", "derivation", "notes"],
  },
};

describe("what a write stores", () => {
  it("refuses, rather than alters or fails on, text it cannot store as sent", async () => {
    const role = { level: "MID", track: FIXTURES.track };
    const cases: [string, Record<string, unknown>, string][] = [
      ["Track", { id: "fz-r-padded", name: " Padded\n" }, "input.name"],
      ["Track", { id: "fz-r-lone", name: "Lone \uD800 half" }, "input.name"],
      ["Technology", { id: "fz-r-long", name: "a".repeat(10_000), kind: "TOOL" }, "input.name"],
      ["Track", { id: `fz-${"a".repeat(10_000)}`, name: "Long id" }, "input.id"],
      ["Role", { id: "fz-r-alias", title: "T", ...role, aliases: ["ok", "x "] }, "input.aliases.1"],
      ["Role", { id: "fz-r-title", title: "\u{1F642}".repeat(5_000), ...role }, "input.title"],
    ];
    for (const [kind, input, argument] of cases) {
      const { body } = await env.api.graphql(
        `mutation ($input: ${kind}Input!) { upsert${kind}(input: $input) { id } }`,
        { input },
        bearer("write"),
      );
      const error = body.errors?.[0];
      expect(error?.extensions?.code, `${argument}: ${JSON.stringify(body).slice(0, 300)}`).toBe(
        "BAD_USER_INPUT",
      );
      expect(error?.extensions?.argument).toBe(argument);
      expect(await exists(String(input.id))).toBe(false);
    }
  });

  let serial = 0;
  it.each(Object.keys(STORED))(
    "%s: each text comes back verbatim, or the write is refused with nothing stored",
    async (kind) => {
      const stored = STORED[kind] as Stored;
      const inputType = `${kind}Input!`;
      await fc.assert(
        fc.asyncProperty(stored.input, async (fields) => {
          serial += 1;
          const id = `fz-v-${kind.toLowerCase()}-${serial}`;
          const input = { id, ...fields };
          const request: Request = {
            query: `mutation ($input: ${inputType}) { written: ${stored.mutation} }`,
            variables: { input },
            headers: bearer("write"),
            get: false,
          };
          const outcome = await send(request);
          expectPolite(outcome, request);
          const errors = outcome.body?.errors;
          if (errors !== undefined || outcome.status === 413) {
            if (outcome.status !== 413) {
              expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe("BAD_USER_INPUT");
            }
            expect(await exists(id), `refused yet stored: ${toJson(input).slice(0, 300)}`).toBe(
              false,
            );
            return;
          }
          const written = outcome.body?.data?.written as Record<string, unknown>;
          const read = await stored.read(id);
          expect(read, `written, not read back: ${id}`).toBeDefined();
          for (const key of stored.strings) {
            const sent = (input as Record<string, unknown>)[key];
            // An optional field left out reads back as null, a list as [].
            const expected = sent === undefined ? (Array.isArray(read?.[key]) ? [] : null) : sent;
            expect(written[key], `${key} as answered`).toEqual(expected);
            expect(read?.[key], `${key} as read back`).toEqual(expected);
          }
        }),
        { numRuns: RUNS.verbatim },
      );
    },
    FIELD_TIMEOUT_MS,
  );
});

// --- malformed requests ------------------------------------------------------------------------

describe("malformed requests", () => {
  it("answers variables holding a __proto__ key in GraphQL's shape, with a coded error", async () => {
    // An own "__proto__" key, as JSON.parse makes it: legal JSON, legal GraphQL input.
    const filter = JSON.parse('{"__proto__": {"level": "MID"}, "level": "MID"}') as unknown;
    const request: Request = {
      query: "query ($filter: RoleFilter) { roles(filter: $filter) { totalCount } }",
      variables: { filter },
      headers: {},
      get: false,
    };
    const outcome = await send(request);
    expect(outcome.status).toBeLessThan(500);
    expect(outcome.body?.errors ?? outcome.body?.data, outcome.text).toBeDefined();
    for (const error of outcome.body?.errors ?? []) {
      expect(ACCEPTED.has(String(error.extensions?.code)), outcome.text).toBe(true);
    }
  });

  it("answers a malformed envelope below 500, with coded errors when it answers GraphQL", async () => {
    const envelope = fc.record(
      {
        query: fc.oneof(
          fc.constantFrom("{ tracks { id } }", "{", "", "query { role(id: ) { id } }"),
          nastyString,
          wrongValue,
        ),
        variables: fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), wrongValue), wrongValue),
        operationName: fc.oneof(nastyString, wrongValue),
        extensions: wrongValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: envelope.map((e) => toJson(e)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "",
          "{",
          "null",
          "[]",
          '[{"query":"{ tracks { id } }"}]',
          '"{ tracks { id } }"',
          '{"query":"{ tracks { id } }","query":"{ sources { id } }"}',
        ),
      },
      { weight: 1, arbitrary: nastyString },
    );
    const contentType = fc.constantFrom(
      "application/json",
      "application/json",
      "application/json; charset=utf-8",
      "application/graphql-response+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const response = await fetch(`${env.api.url}/graphql`, {
          method: "POST",
          headers: { "content-type": type },
          body: payload,
        });
        const text = await response.text();
        const label = `${type} ${payload.slice(0, 200)}\n${text.slice(0, 300)}`;
        expect(response.status, label).toBeLessThan(500);
        expect(text, label).not.toMatch(/at .*\.[tj]s:\d+|Neo4j|Cypher/);
        let parsed: { errors?: { extensions?: { code?: unknown } }[] } | null = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        for (const error of parsed?.errors ?? []) {
          expect(typeof error.extensions?.code, label).toBe("string");
          expect(error.extensions?.code, label).not.toBe("INTERNAL_SERVER_ERROR");
        }
      }),
      { numRuns: RUNS.envelope },
    );
  });
});
