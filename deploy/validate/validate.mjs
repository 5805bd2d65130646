// Validates rendered Kubernetes manifests offline against the API schemas (kubernetes-models@4),
// and catches unknown or misspelt field names, which schema validation alone lets through:
// every key is probed with values of two incompatible types; a key the schema knows rejects at
// least one of them, an unknown key accepts both.
//   node validate.mjs FILE.yaml...     (exit 1 on any error)
import fs from "node:fs";
import { createRequire } from "node:module";
import YAML from "yaml";

const require = createRequire(import.meta.url);

function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  return require(path)[kind];
}

function errorsOf(Model, doc) {
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return e.errors ?? [{ instancePath: "", message: String(e) }];
  }
}

function* keyPaths(value, path = []) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* keyPaths(value[i], [...path, i]);
  } else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      yield [...path, key];
      yield* keyPaths(value[key], [...path, key]);
    }
  }
}

function withValueAt(doc, path, replacement) {
  const copy = structuredClone(doc);
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]];
  node[path[path.length - 1]] = replacement;
  return copy;
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8")).map((d) => d.toJSON()).filter(Boolean);
  for (const doc of docs) {
    const name = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = modelFor(doc.apiVersion, doc.kind);
    } catch (e) {
      console.error(`${name}: unknown apiVersion/kind ${doc.apiVersion} ${doc.kind}`);
      failures++;
      continue;
    }
    const errors = errorsOf(Model, doc);
    for (const e of errors) {
      console.error(`${name}: ${e.instancePath || "/"} ${e.message}`);
      failures++;
    }
    if (errors.length > 0) continue;
    for (const path of keyPaths(doc)) {
      if (path.length < 2 || typeof path[path.length - 1] === "number") continue;
      if (path[0] === "metadata" && (path[1] === "labels" || path[1] === "annotations") && path.length === 3) continue;
      if (path[0] === "data" && doc.kind === "ConfigMap") continue;
      const pointer = "/" + path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
      const rejects = (probe) =>
        errorsOf(Model, withValueAt(doc, path, probe)).some((e) => (e.instancePath || "").startsWith(pointer));
      if (!rejects(12345) && !rejects({ "parley-probe": [1] }) && !rejects("parley-probe")) {
        console.error(`${name}: unknown field ${pointer}`);
        failures++;
      }
    }
    if (failures === 0) console.log(`ok ${name}`);
  }
}
if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
