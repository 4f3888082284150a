// read.mjs prints the amended points of a peacediff comparison, read as
// JSON from standard input:
//
//   go run ./examples/07-json | node examples/07-json/read.mjs
//   go run ./examples/peacediff -format json us-28 eu-counter | node examples/07-json/read.mjs
//
// It needs Node 18 or later and nothing else.
import { text } from "node:stream/consumers";

const result = JSON.parse(await text(process.stdin));

// result.old and result.new name the versions; result.summary counts the
// matches by kind.
console.log(`${result.old.id} → ${result.new.id}: ${result.summary.amended} amended points`);

// Each match links clause paths of the old plan to paths of the new one.
// An amended match carries changes: {kind, before, after}, with before or
// after left out on the side that lacks the fact.
for (const m of result.matches) {
  if (m.kind !== "amended") {
    continue;
  }
  let where = `${m.old.join("+")} → ${m.new.join("+")}`;
  for (const c of m.changes) {
    let change = `${c.before} → ${c.after}`;
    if (!c.before) {
      change = `+ ${c.after}`;
    } else if (!c.after) {
      change = `− ${c.before}`;
    }
    console.log(`  ${where.padEnd(12)} ${c.kind.padEnd(17)} ${change}`);
    where = ""; // name the clauses once
  }
}
