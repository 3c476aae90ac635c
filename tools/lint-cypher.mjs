#!/usr/bin/env node
// Check Cypher files with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
//
// Usage: node tools/lint-cypher.mjs [--json] [--labels L1,L2] [--types T1,T2] FILE_OR_DIR... | -
//   A directory is searched recursively for *.cypher; "-" reads one script from stdin.
//   Comment lines starting with ":param" are Browser commands, not Cypher; they are blanked
//   (keeping line numbers) before linting.
//   Parameters used but not declared by a `// :param name => value` header line are errors.
//   --labels/--types: the graph's labels and relationship types; a query using any other is
//   reported as a warning (severity 2) by the linter.
// Output: one line per diagnostic "file:line:col: error|warning: message", or with --json a JSON
// array [{file, diagnostics: [{severity, message, line, column}]}]. Exit 1 when any error
// (severity 1) was found, 2 on bad usage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const args = process.argv.slice(2);
let json = false;
const schema = {};
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') json = true;
  else if (args[i] === '--labels') schema.labels = args[++i].split(',');
  else if (args[i] === '--types') schema.relationshipTypes = args[++i].split(',');
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  console.error('usage: lint-cypher.mjs [--json] [--labels ..] [--types ..] FILE_OR_DIR... | -');
  process.exit(2);
}

function collect(path, out) {
  if (path === '-') { out.push('-'); return; }
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const p = join(path, name);
      if (statSync(p).isDirectory() || name.endsWith('.cypher')) collect(p, out);
    }
  } else out.push(path);
}

const files = [];
for (const p of inputs) collect(p, files);
const results = [];
let errors = 0;
for (const file of files) {
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const cleaned = text.replace(/^(\s*):param\b.*$/gm, (m) => ' '.repeat(m.length));
  // Parameters the file declares in its header (`// :param name => value`) count as defined.
  const parameters = {};
  for (const m of text.matchAll(/^\s*\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>/gm)) parameters[m[1]] = null;
  const res = lintCypherQuery(cleaned, { ...schema, parameters });
  const diags = (res.diagnostics || []).map((d) => ({
    severity: d.severity, message: d.message,
    line: d.range.start.line + 1, column: d.range.start.character + 1,
  }));
  errors += diags.filter((d) => d.severity === 1).length;
  results.push({ file, diagnostics: diags });
}
if (json) console.log(JSON.stringify(results));
else {
  for (const r of results) for (const d of r.diagnostics) {
    console.log(`${r.file}:${d.line}:${d.column}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  }
}
process.exit(errors ? 1 : 0);
