/*
 * Checks a document given as ProseMirror JSON (seed content, imports, stored versions) and lists every
 * problem with a JSON Pointer to it, rather than stopping at the first exception the way
 * Node.fromJSON does. It rebuilds the document node by node through the schema, so a document with no
 * problems is exactly one that Node.fromJSON accepts and Node.check() passes, and then applies the
 * rules the schema cannot express: clause nesting, unique ids, required ids and cross-reference targets.
 */
import { Fragment, type ContentMatch, type Mark, type Node, type NodeType } from "prosemirror-model";
import { schema } from "./schema";
import { ID_REQUIRED_TYPES, MAX_CLAUSE_NESTING, REFERENCEABLE_TYPES } from "./structure";

export type ProblemCode =
  | "not_a_node"
  | "unknown_type"
  | "unknown_attr"
  | "invalid_attr"
  | "invalid_mark"
  | "invalid_text"
  | "invalid_content"
  | "too_deep"
  | "missing_id"
  | "duplicate_id"
  | "dangling_cross_ref"
  | "bad_cross_ref_target";

export interface Problem {
  code: ProblemCode;
  /** JSON Pointer (RFC 6901) into the checked JSON: "" is the document, "/content/3/content/0" a child. */
  path: string;
  message: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Walk {
  problems: Problem[];
  /** First path of each id seen. */
  ids: Map<string, { path: string; type: string }>;
  crossRefs: { target: string; path: string }[];
}

function report(walk: Walk, code: ProblemCode, path: string, message: string): void {
  walk.problems.push({ code, path, message });
}

function buildMarks(json: JsonObject, path: string, walk: Walk): Mark[] | null {
  if (json.marks === undefined) return [];
  if (!Array.isArray(json.marks)) {
    report(walk, "invalid_mark", `${path}/marks`, "marks must be an array");
    return null;
  }
  const marks: Mark[] = [];
  let ok = true;
  json.marks.forEach((markJson: unknown, index) => {
    try {
      marks.push(schema.markFromJSON(markJson));
    } catch (error) {
      ok = false;
      report(walk, "invalid_mark", `${path}/marks/${index}`, errorMessage(error));
    }
  });
  return ok ? marks : null;
}

/** The extra rules, applied while walking so that they report even where the structure is broken. */
function checkRules(json: JsonObject, type: string, path: string, nesting: number, walk: Walk): void {
  const attrs = isObject(json.attrs) ? json.attrs : {};
  const id = attrs.id;
  if (typeof id === "string" && id !== "") {
    const first = walk.ids.get(id);
    if (first) report(walk, "duplicate_id", path, `id "${id}" is already used at ${first.path || "/"}`);
    else walk.ids.set(id, { path, type });
  } else if (ID_REQUIRED_TYPES.has(type)) {
    report(walk, "missing_id", path, `${type} needs an id`);
  }
  if (type === "clause" && nesting > MAX_CLAUSE_NESTING) {
    report(walk, "too_deep", path, `clause nested ${nesting} levels deep; at most ${MAX_CLAUSE_NESTING} are allowed`);
  }
  if (type === "cross_ref" && typeof attrs.target === "string") {
    walk.crossRefs.push({ target: attrs.target, path });
  }
}

/** Rebuilds one node; returns null (after reporting why) when it or a descendant cannot be built. */
function build(json: unknown, path: string, nesting: number, walk: Walk): Node | null {
  if (!isObject(json) || typeof json.type !== "string") {
    report(walk, "not_a_node", path, "expected an object with a string `type`");
    return null;
  }
  // schema.nodes has no prototype, so only real type names are found.
  const type: NodeType | undefined = schema.nodes[json.type];
  if (!type) {
    report(walk, "unknown_type", path, `unknown node type "${json.type}"`);
    return null;
  }
  checkRules(json, type.name, path, nesting, walk);
  const marks = buildMarks(json, path, walk);

  if (type.isText) {
    if (typeof json.text !== "string" || json.text === "") {
      report(walk, "invalid_text", path, "a text node needs a non-empty string `text`");
      return null;
    }
    return marks && checkLeaf(schema.text(json.text, marks), path, walk);
  }

  const attrs = json.attrs ?? {};
  if (!isObject(attrs)) {
    report(walk, "invalid_attr", `${path}/attrs`, "attrs must be an object");
    return null;
  }
  let attrsOk = true;
  for (const name of Object.keys(attrs)) {
    if (!Object.hasOwn(type.spec.attrs ?? {}, name)) {
      // Node.fromJSON would drop it silently; a typo in seed content should not go unnoticed.
      report(walk, "unknown_attr", `${path}/attrs/${pointerToken(name)}`, `${type.name} has no attribute "${name}"`);
    }
  }
  try {
    type.create(attrs);
  } catch (error) {
    attrsOk = false;
    report(walk, "invalid_attr", `${path}/attrs`, `${type.name}: ${errorMessage(error)}`);
  }

  const contentJson = json.content ?? [];
  if (!Array.isArray(contentJson)) {
    report(walk, "invalid_content", `${path}/content`, "content must be an array");
    return null;
  }
  const childNesting = type === schema.nodes.clause ? nesting + 1 : nesting;
  const children = contentJson.map((child: unknown, index) => build(child, `${path}/content/${index}`, childNesting, walk));
  if (!attrsOk || !marks || children.some((child) => child === null)) return null;

  const content = Fragment.fromArray(children.filter((child): child is Node => child !== null));
  const contentProblem = findContentProblem(type, content);
  if (contentProblem) {
    const where = contentProblem.index === null ? path : `${path}/content/${contentProblem.index}`;
    report(walk, "invalid_content", where, contentProblem.message);
    return null;
  }
  const node = type.create(attrs, content, marks);
  return node.isLeaf ? checkLeaf(node, path, walk) : node;
}

function expected(match: ContentMatch): string {
  const names: string[] = [];
  for (let i = 0; i < match.edgeCount; i++) names.push(match.edge(i).type.name);
  return names.length > 0 ? names.join(" | ") : "nothing more";
}

/** Why `content` does not fit `type`, pointing at the first child that breaks it when there is one. */
function findContentProblem(type: NodeType, content: Fragment): { index: number | null; message: string } | null {
  let match = type.contentMatch;
  for (let index = 0; index < content.childCount; index++) {
    const child = content.child(index);
    const next = match.matchType(child.type);
    if (!next) {
      return { index, message: `${child.type.name} is not allowed here in ${type.name}; expected ${expected(match)}` };
    }
    if (!type.allowsMarks(child.marks)) {
      return { index, message: `${type.name} does not allow the marks on this ${child.type.name}` };
    }
    match = next;
  }
  if (!match.validEnd) {
    return { index: null, message: `${type.name} is incomplete: expected ${expected(match)} after its last child` };
  }
  return null;
}

/** Node.check() on a leaf, which is where marks live; on inner nodes it would re-walk every subtree. */
function checkLeaf(node: Node, path: string, walk: Walk): Node | null {
  try {
    node.check();
    return node;
  } catch (error) {
    report(walk, "invalid_mark", path, errorMessage(error));
    return null;
  }
}

/** Every problem of a document given as ProseMirror JSON; an empty list means it is valid. */
export function validateDoc(json: unknown): Problem[] {
  const walk: Walk = { problems: [], ids: new Map(), crossRefs: [] };
  const doc = build(json, "", 0, walk);
  if (doc && doc.type !== schema.topNodeType) {
    report(walk, "invalid_content", "", `the top node must be ${schema.topNodeType.name}, not ${doc.type.name}`);
  } else if (doc) {
    try {
      doc.check();
    } catch (error) {
      report(walk, "invalid_content", "", errorMessage(error));
    }
  }
  for (const { target, path } of walk.crossRefs) {
    const found = walk.ids.get(target);
    if (!found) report(walk, "dangling_cross_ref", path, `cross_ref points at "${target}", which does not exist`);
    else if (!REFERENCEABLE_TYPES.has(found.type)) {
      report(walk, "bad_cross_ref_target", path, `cross_ref points at a ${found.type}, which cannot be referred to`);
    }
  }
  return walk.problems;
}
