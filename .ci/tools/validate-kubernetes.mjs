// Validates every document of the given Kubernetes manifest files against the Kubernetes API's
// OpenAPI schemas bundled in the kubernetes-models package (no cluster, no network).
// Usage: node validate-kubernetes.mjs FILE_OR_DIR...   Exit 0 when every document is valid, else 1.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const files = [];
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory()) {
    for (const name of readdirSync(arg).sort()) {
      if (/\.ya?ml$/.test(name) && name !== "kustomization.yaml") files.push(join(arg, name));
    }
  } else {
    files.push(arg);
  }
}

if (files.length === 0) {
  console.error("validate-kubernetes: no manifest files given");
  process.exit(2);
}

let failures = 0;
let documents = 0;
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      failures++;
      console.log(`FAIL ${file}: YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    documents++;
    const { apiVersion, kind } = object;
    const name = `${kind}/${object.metadata?.name ?? "(no name)"}`;
    let Model;
    try {
      // Core objects live under "v1", grouped ones under "GROUP/VERSION", as in the package's layout.
      ({ [kind]: Model } = await import(`kubernetes-models/${apiVersion}/${kind}`));
    } catch {
      failures++;
      console.log(`FAIL ${file} ${name}: no schema for apiVersion ${apiVersion} kind ${kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok   ${file} ${name}`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${file} ${name}: ${error.message}`);
    }
  }
}

console.log(`${documents} Kubernetes object(s) checked, ${failures} invalid`);
process.exit(failures === 0 && documents > 0 ? 0 : 1);
