import fc, { type Arbitrary } from "fast-check";
import {
  type GraphQLInputType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
} from "graphql";

/**
 * Generated bad input for the API's arguments: strings that have broken parsers, query languages
 * and stores elsewhere, numbers past every bound, values of the wrong type, and the means to send
 * them as JSON variables or as GraphQL literals.
 */

/** Strings each worth trying once: quoting, escapes, Lucene and Cypher syntax, odd Unicode. */
const NASTY_STRINGS = [
  "",
  " ",
  "   ",
  "\t\n",
  " padded ",
  "\u0000",
  "a\u0000b",
  "\u0007\u0008\u001b[31m",
  "\r\n",
  "\u2028\u2029",
  "\u00a0",
  "'",
  '"',
  "`",
  "\\",
  "\\\\",
  "\\u0000",
  "'; --",
  '"}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder that is not one
  "${x}",
  "$param",
  "`x`",
  "{}",
  "[]",
  "null",
  "undefined",
  "NaN",
  "-0",
  "0x1F",
  "1e309",
  "Infinity",
  "true",
  "title:foo AND bar~ *? [a TO z] \\",
  "*",
  "?",
  "~",
  '+-&&||!(){}[]^"~*?:\\/',
  "a* OR b*",
  "/.*/",
  '"unterminated',
  "name:(a OR b)^4 AND NOT c",
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  "` MATCH (n) RETURN n //",
  "') RETURN 1 UNION MATCH (n) RETURN n //",
  "1 OR 1=1",
  "CALL db.labels()",
  "$start",
  "{id: $id}",
  "\u{1F642}",
  "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}",
  "\u{1F3F3}\uFE0F\u200D\u{1F308}",
  "e\u0301",
  "Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032d\u0308\u0307l\u036e\u0312\u036bo\u031b\u030c",
  "\u202Egnp.exe",
  "\uFEFF",
  "\u200B",
  "\uFDFA",
  "\u{1D573}\u{1D58A}\u{1D591}\u{1D591}\u{1D594}",
  "日本語",
  "مرحبا",
  "\uD800",
  "a\uDC00b",
  "\uFFFF",
  "\uFFFD",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  "%00",
  "%s%n",
  "../../etc/passwd",
];

/** Characters that quote, escape or mean something to Lucene, Cypher, JSON or GraphQL. */
const SPECIAL_CHARS = [..."'\"`\\$:;{}[]()<>*?~^!&|/+-#%=,.@\u0000\u0001\u001f\u007f\u00a0 \t\n\r"];

/** 10k to 100k UTF-16 units of one repeated chunk (never a cut surrogate pair). */
const longString: Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("a", "é", "\u{1F642}", "'", "\\", "MATCH (n) ", "x y ", "\u0000"),
    fc.integer({ min: 10_000, max: 100_000 }),
  )
  .map(([chunk, length]) => chunk.repeat(Math.floor(length / chunk.length)));

/** Any of the above, mixed with generated Unicode; long strings now and then. */
export const nastyString: Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...SPECIAL_CHARS), maxLength: 20 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom(...NASTY_STRINGS, "word", "back end"), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: longString },
);

/** A JSON number whose text is sent as is: past 2^53, past a double, or -0. */
export class RawNumber {
  constructor(readonly text: string) {}
}

const BIG_NUMBERS = [
  "2147483648",
  "-2147483649",
  "9007199254740992",
  "9007199254740993",
  "-9007199254740993",
  "123456789012345678901234567890",
  "1e400",
  "-1e400",
  "-0",
  "1.0",
  "1e2",
  "0.000000000000000000001",
].map((text) => new RawNumber(text));

/** JSON values of every shape, for an argument that expects something else. */
export const wrongValue: Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...BIG_NUMBERS),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, 0.5),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), {
    maxLength: 3,
  }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Numeric-looking strings: what a loosely typed client sends for a number. */
const NUMBER_STRINGS = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1",
  "1.5",
  "0x10",
  "1e3",
  " 2 ",
  "",
  "-0",
  "\u0663",
  "\uFF11",
];

/** For an Int argument bounded by [min, max]: values at and around the bounds, and far beyond. */
export function intArg(min: number, max: number): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: min - 2, max: max + 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1, 0, -1) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(...BIG_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBER_STRINGS) },
    { weight: 1, arbitrary: wrongValue },
  );
}

/** For a Float argument meant to lie in [min, max]. */
export function floatArg(min: number, max: number): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: min - 1, max: max + 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, 0, -0, Number.MIN_VALUE, 1e308, -1e308) },
    { weight: 1, arbitrary: fc.constantFrom(...BIG_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBER_STRINGS) },
    { weight: 1, arbitrary: wrongValue },
  );
}

export const boolArg: Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("true", "false", 0, 1, "", "yes") },
  { weight: 1, arbitrary: wrongValue },
);

/** For a String argument. */
export const stringArg: Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: wrongValue },
);

/** For an ID argument: ids that exist, ids that do not, nasty strings, and non-strings. */
export function idArg(existing: Arbitrary<string>): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: existing },
    { weight: 1, arbitrary: fc.stringMatching(/^fz-nope-[a-z0-9]{1,8}$/) },
    { weight: 1, arbitrary: existing.map((id) => `${id.toUpperCase()} `) },
    { weight: 3, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: wrongValue },
  );
}

/** One of a list known only once the tests run (read from the graph in beforeAll). */
export function oneOfLater(list: () => readonly string[]): Arbitrary<string> {
  return fc.constant(null).chain(() => fc.constantFrom(...list()));
}

/** For an enum argument: its values, near misses, and other things. */
export function enumArg(values: readonly string[]): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...values) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...values)
        .chain((v) => fc.constantFrom(v.toLowerCase(), ` ${v}`, `${v}S`, `${v}\u0000`, `"${v}"`)),
    },
    { weight: 1, arbitrary: fc.constantFrom("__typename", "null", "true", "NOPE", "") },
    { weight: 1, arbitrary: nastyString },
    { weight: 1, arbitrary: wrongValue },
  );
}

/**
 * For a list argument: short and long lists (a long one also as one item repeated, so that it is
 * well typed as often as the item is), a lone item (GraphQL coerces it), null, junk.
 */
export function listArg(item: Arbitrary<unknown>, longLength = 120): Arbitrary<unknown> {
  const length = fc.integer({ min: longLength - 20, max: longLength });
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: longLength - 20, maxLength: longLength }) },
    { weight: 1, arbitrary: fc.tuple(item, length).map(([v, n]) => Array(n).fill(v)) },
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: fc.array(fc.constant(null), { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: wrongValue },
  );
}

/** For an input object: its fields (each may be left out), an unknown field now and then, junk. */
export function inputArg(fields: Record<string, Arbitrary<unknown>>): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.constantFrom("bogus", "constructor", ""))
        .map(([record, key]) => ({ ...record, [key]: 1 })),
    },
    { weight: 1, arbitrary: wrongValue },
  );
}

const MARK = "\u0001raw-number-";

/** JSON text of a value, with each RawNumber's text written in place as a bare number. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawNumber ? `${MARK}${raws.push(v.text) - 1}` : v,
  );
  return text.replace(/"\\u0001raw-number-(\d+)"/g, (_m, i: string) => raws[Number(i)] ?? "0");
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A value as a GraphQL literal for a position of `type`. An enum position takes a name-shaped
 * string bare; other strings, and object keys that are not names, are quoted, which the server
 * must refuse (or fail to parse) politely.
 */
export function literal(value: unknown, type?: GraphQLInputType): string {
  const named = type === undefined ? undefined : getNullableType(type);
  if (value instanceof RawNumber) return value.text;
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") {
    return isEnumType(named) && NAME.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  if (typeof value === "boolean") return String(value);
  const item = isListType(named) ? named.ofType : named;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, item)).join(", ")}]`;
  const fields = isInputObjectType(named) ? named.getFields() : {};
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, v]) => `${NAME.test(key) ? key : JSON.stringify(key)}: ${literal(v, fields[key]?.type)}`,
  );
  return `{${entries.join(", ")}}`;
}

/** Every string inside a value, for telling an echo of the input from a leak. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value instanceof RawNumber) return [value.text];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => [key, ...stringsIn(v)]);
  }
  return [];
}
