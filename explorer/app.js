import cytoscape from "/explorer/vendor/cytoscape.esm.min.mjs";

/**
 * The career-path explorer: search two roles, draw the k best routes between them, and open any
 * role on the way. Everything it shows comes from the public GraphQL API at /graphql.
 */

const $ = (id) => document.getElementById(id);

/** Messages a person understands, by the API's error code. */
const EXPLAINED = {
  NOT_FOUND: "That role is not in the graph. Pick one from the suggestions.",
  SERVICE_UNAVAILABLE: "The graph database is not reachable right now. Try again in a moment.",
  TIMEOUT: "That question took too long to answer. Try fewer routes.",
  QUERY_TOO_COMPLEX: "That question is too large to answer. Try fewer routes.",
  RATE_LIMITED: "Too many questions in a short time. Wait a minute and try again.",
};

class ApiError extends Error {}

async function ask(query, variables = {}) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("The server cannot be reached. Check the connection and try again.");
  }
  const body = await response.json().catch(() => ({}));
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    // Input problems are already phrased for people (e.g. "k must be from 1 to 10").
    throw new ApiError(
      EXPLAINED[code] ??
        (code === "BAD_USER_INPUT" ? error.message : "Something went wrong on the server."),
    );
  }
  if (!response.ok || !body.data) throw new ApiError("Something went wrong on the server.");
  return body.data;
}

/** The parts that are there: optional parts are written as `condition ? part : null`. */
const present = (children) => children.filter((child) => child !== null && child !== undefined);

/** Replaces a section's content with the parts that are there. */
function fill(section, ...children) {
  section.replaceChildren(...present(children));
}

function say(text) {
  const message = $("message");
  message.textContent = text;
  message.hidden = !text;
}

/** Builds an element: el("li", { class: "x" }, "text", child). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  node.append(...present(children));
  return node;
}

const money = (amount, currency) =>
  new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount,
  );

// ---- choosing roles: search as you type --------------------------------------------------------

const SEARCH = `query ($text: String!) {
  search(text: $text, first: 8) { entity { __typename ... on Role { id title level } } }
}`;

/** Title shown in an input → role id, for every role a search has offered. */
const offered = new Map();

function suggest(input, list) {
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || offered.has(input.value)) return;
    timer = setTimeout(async () => {
      try {
        const { search } = await ask(SEARCH, { text: text.slice(0, 200) });
        const roles = search.map((hit) => hit.entity).filter((e) => e.__typename === "Role");
        list.replaceChildren(
          ...roles.map((role) => {
            offered.set(role.title, role.id);
            return el("option", {
              value: role.title,
              label: `${role.title} (${role.level.toLowerCase()})`,
            });
          }),
        );
        say("");
      } catch (error) {
        say(error.message);
      }
    }, 150);
  });
}

function chosenRole(input, what) {
  const id = offered.get(input.value);
  if (!id) throw new ApiError(`Pick the ${what} role from the suggestions as you type.`);
  return id;
}

// ---- routes ------------------------------------------------------------------------------------

const PATHS = `query ($from: ID!, $to: ID!, $k: Int!, $weightBy: PathWeight!) {
  careerPaths(from: $from, to: $to, k: $k, weightBy: $weightBy) {
    cost totalSteps totalYears
    roles { id title level }
    steps { from { id } to { id title } kind typicalYears salaryDelta newSkills { id name } }
    salaryChange { region currency from to change }
  }
}`;

const graph = cytoscape({
  container: $("graph"),
  style: [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 11,
        "text-wrap": "wrap",
        "text-max-width": 110,
        "text-valign": "bottom",
        "text-margin-y": 4,
        width: 18,
        height: 18,
        "background-color": "#1f6feb",
      },
    },
    { selector: "node.end", style: { width: 26, height: 26, "background-color": "#0b3d91" } },
    {
      selector: "edge",
      style: {
        width: 2,
        "line-color": "#b8c1d1",
        "target-arrow-color": "#b8c1d1",
        "target-arrow-shape": "triangle",
        "curve-style": "bezier",
      },
    },
    {
      selector: ".chosen",
      style: {
        "line-color": "#d9480f",
        "target-arrow-color": "#d9480f",
        "background-color": "#d9480f",
        width: 4,
        "z-index": 10,
      },
    },
    { selector: "node.chosen", style: { width: 22, height: 22 } },
  ],
});
// For a look from the browser's console, and for the browser test.
window.rolegraphExplorer = { graph };

let routes = [];

function draw(from, to) {
  const elements = [];
  const seen = new Set();
  for (const route of routes) {
    for (const role of route.roles) {
      if (seen.has(role.id)) continue;
      seen.add(role.id);
      const end = role.id === from || role.id === to;
      elements.push({ data: { id: role.id, label: role.title }, classes: end ? "end" : "" });
    }
    for (const step of route.steps) {
      const id = `${step.from.id}->${step.to.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      elements.push({ data: { id, source: step.from.id, target: step.to.id } });
    }
  }
  graph.elements().remove();
  graph.add(elements);
  graph
    .layout({
      name: "breadthfirst",
      directed: true,
      roots: [from],
      spacingFactor: 1.1,
      padding: 20,
    })
    .run();
}

function choose(index) {
  const route = routes[index];
  graph.elements().removeClass("chosen");
  for (const role of route.roles) graph.getElementById(role.id).addClass("chosen");
  for (const step of route.steps)
    graph.getElementById(`${step.from.id}->${step.to.id}`).addClass("chosen");
  for (const [i, item] of document.querySelectorAll("ol.routes > li").entries()) {
    item.classList.toggle("chosen", i === index);
  }
  showSteps(route);
}

const roleButton = (role) =>
  el(
    "button",
    { type: "button", class: "role-link", onclick: () => showRole(role.id) },
    role.title,
  );

function listRoutes() {
  const section = $("paths");
  if (routes.length === 0) {
    section.replaceChildren(
      el("h2", {}, "Routes"),
      el("p", {}, "No route leads there within eight moves."),
    );
    return;
  }
  const list = el(
    "ol",
    { class: "routes" },
    ...routes.map((route, i) => {
      const years = route.totalYears == null ? "" : `, about ${route.totalYears} years`;
      const names = route.roles.flatMap((role, j) =>
        j === 0 ? [roleButton(role)] : [" → ", roleButton(role)],
      );
      return el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "secondary", onclick: () => choose(i) },
          `Route ${i + 1}: ${route.totalSteps} moves${years}`,
        ),
        el("div", {}, ...names),
      );
    }),
  );
  section.replaceChildren(el("h2", {}, "Routes"), list);
}

function showSteps(route) {
  const steps = route.steps.map((step) => {
    const pay =
      step.salaryDelta == null
        ? null
        : el(
            "span",
            { class: step.salaryDelta >= 0 ? "up" : "down" },
            ` pay midpoint ${step.salaryDelta >= 0 ? "+" : "−"}${Math.abs(step.salaryDelta).toLocaleString("en")}`,
          );
    const skills = step.newSkills.length ? step.newSkills.map((s) => s.name).join(", ") : "none";
    return el(
      "li",
      {},
      el("strong", {}, step.to.title),
      el(
        "span",
        { class: "tags" },
        ` ${step.kind.toLowerCase()}${step.typicalYears == null ? "" : `, ~${step.typicalYears} y`}`,
      ),
      pay,
      el("div", { class: "tags" }, `New skills: ${skills}`),
    );
  });
  const change = route.salaryChange;
  fill(
    $("detail"),
    el("h2", {}, "The chosen route, step by step"),
    el("ol", { class: "steps" }, ...steps),
    change
      ? el(
          "p",
          {},
          `Pay (${change.region}): ${money(change.from, change.currency)} → ${money(change.to, change.currency)}`,
        )
      : null,
  );
}

async function findRoutes(event) {
  event.preventDefault();
  say("");
  try {
    const from = chosenRole($("from"), "starting");
    const to = chosenRole($("to"), "target");
    const { careerPaths } = await ask(PATHS, {
      from,
      to,
      k: Number($("k").value),
      weightBy: $("weight").value,
    });
    routes = careerPaths;
    draw(from, to);
    listRoutes();
    if (routes.length > 0) choose(0);
    else fill($("detail"));
  } catch (error) {
    say(error.message);
  }
}

// ---- one role, and the gap between two --------------------------------------------------------

const ROLE = `query ($id: ID!) {
  role(id: $id) {
    id title level summary track { name }
    skills { importance skill { name } }
    salaryBands { region currency min max year }
  }
  neighborhood(id: $id, depth: 1, limit: 40, relationships: [PROGRESSES_TO, RELATED_TO]) {
    nodes { __typename ... on Role { id title } }
  }
}`;

async function showRole(id) {
  say("");
  try {
    const { role, neighborhood } = await ask(ROLE, { id });
    if (!role) throw new ApiError(EXPLAINED.NOT_FOUND);
    const near = neighborhood.nodes.filter((n) => n.__typename === "Role" && n.id !== id);
    const skills = [...role.skills].sort((a, b) => b.importance - a.importance).slice(0, 12);
    fill(
      $("detail"),
      el("h2", {}, role.title),
      el("p", { class: "tags" }, `${role.level.toLowerCase()} · ${role.track.name}`),
      role.summary ? el("p", {}, role.summary) : null,
      el("h3", {}, "Key skills"),
      el("p", {}, skills.map((s) => s.skill.name).join(", ") || "none recorded"),
      el("h3", {}, "Pay"),
      role.salaryBands.length
        ? el(
            "table",
            {},
            ...role.salaryBands.map((band) =>
              el(
                "tr",
                {},
                el("td", {}, band.region),
                el(
                  "td",
                  {},
                  `${money(band.min, band.currency)} – ${money(band.max, band.currency)}`,
                ),
                el("td", {}, String(band.year)),
              ),
            ),
          )
        : el("p", {}, "No pay data."),
      el("h3", {}, "Next to it"),
      el("div", {}, ...near.flatMap((r, i) => (i === 0 ? [roleButton(r)] : [", ", roleButton(r)]))),
    );
  } catch (error) {
    say(error.message);
  }
}

const GAP = `query ($from: ID!, $to: ID!) {
  skillGap(from: $from, to: $to) {
    coverage from { title } to { title }
    shared { name }
    missing { importance skill { name } }
  }
}`;

async function compare() {
  say("");
  try {
    const { skillGap } = await ask(GAP, {
      from: chosenRole($("from"), "starting"),
      to: chosenRole($("to"), "target"),
    });
    fill(
      $("detail"),
      el("h2", {}, `From ${skillGap.from.title} to ${skillGap.to.title}`),
      el("p", {}, `Skills already covered: ${Math.round(skillGap.coverage * 100)} %`),
      el("h3", {}, "To learn"),
      el(
        "ul",
        {},
        ...skillGap.missing.map((m) =>
          el(
            "li",
            {},
            `${m.skill.name} `,
            el("span", { class: "tags" }, `importance ${m.importance}/5`),
          ),
        ),
      ),
      el("h3", {}, "Already shared"),
      el("p", {}, skillGap.shared.map((s) => s.name).join(", ") || "none"),
    );
  } catch (error) {
    say(error.message);
  }
}

suggest($("from"), $("from-options"));
suggest($("to"), $("to-options"));
$("route").addEventListener("submit", findRoutes);
$("compare").addEventListener("click", compare);
graph.on("tap", "node", (event) => showRole(event.target.id()));
// Keep the drawing whole when the window changes size (a phone turned, a window narrowed).
let resizing;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    graph.resize();
    graph.fit(undefined, 20);
  }, 100);
});
