// Prints the licence notice of the mermaid bundle: mermaid's own licence,
// then that of every package it depends on (the bundle includes their
// code), each once, sorted by name. Run by tools/mermaid/update.sh in the
// folder where it installed mermaid.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

function packages() {
  const out = execFileSync("npm", ["query", "#mermaid, #mermaid *"], { encoding: "utf8" });
  const seen = new Map();
  for (const p of JSON.parse(out)) {
    const key = p.name + "@" + p.version;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()].sort((a, b) => (a.name === "mermaid" ? -1 : b.name === "mermaid" ? 1 : a.name.localeCompare(b.name)));
}

function licenceText(dir) {
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  return files.map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim()).join("\n\n");
}

const parts = [
  "The file mermaid.min.js in this folder is the browser bundle of mermaid",
  "(https://mermaid.js.org/), copied unchanged apart from its source-map comment.",
  "It contains code of the packages listed below, under these licences.",
];
for (const p of packages()) {
  const licence = typeof p.license === "string" ? p.license : JSON.stringify(p.license || "unknown");
  parts.push("", "=".repeat(72), `${p.name} ${p.version} (${licence})`, "=".repeat(72));
  parts.push(licenceText(p.path) || `Licence: ${licence} (no licence file in the package)`);
}
process.stdout.write(parts.join("\n") + "\n");
