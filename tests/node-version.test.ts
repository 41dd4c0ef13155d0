// Which Node runs the tests, and the processes they start: CI runs the suite on Node 20 and
// again on Node 22 (.ci/run), and sets EXPECT_NODE_MAJOR for that run, so that a PATH that
// left a process on the other Node fails here instead of passing unnoticed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/site.js";

const expected = process.env.EXPECT_NODE_MAJOR;
const major = (version: string) => Number(/^v(\d+)\./.exec(version.trim())?.[1]);

describe("Node", () => {
  it("is a version package.json's engines allow", () => {
    expect(major(process.version)).toBeGreaterThanOrEqual(20);
  });

  it.runIf(expected)(`is Node ${expected} in the tests and in the node, tsx and npm they start`, () => {
    expect(process.version).toMatch(new RegExp(`^v${expected}\\.`));
    const node = spawnSync("node", ["-p", "process.version"], { encoding: "utf8" });
    expect(node.stdout.trim()).toMatch(new RegExp(`^v${expected}\\.`));
    const tsx = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["-e", "console.log(process.version)"], { encoding: "utf8" });
    expect(tsx.stdout.trim()).toMatch(new RegExp(`^v${expected}\\.`));
    const npm = spawnSync("npm", ["exec", "--", "node", "-p", "process.version"], { cwd: ROOT, encoding: "utf8" });
    expect(npm.stdout.trim()).toMatch(new RegExp(`^v${expected}\\.`));
  });
});
