// `strichka cms` (`npm run cms`): the editors' desk on a newsroom's own machine. Starts the
// site's preview (`npm start`, http://localhost:8080/) and decap-server, Decap CMS's local
// backend (http://localhost:8081), which writes the files an editor saves at
// http://localhost:8080/admin/ straight into this folder; the preview then rebuilds. Both
// stop together (Ctrl+C, or either one ending).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** decap-server's command in `dir`: the site's own (a devDependency `strichka init` writes), else none. */
export function decapServerCommand(dir: string): string | undefined {
  const bin = join(dir, "node_modules", ".bin", process.platform === "win32" ? "decap-server.cmd" : "decap-server");
  return existsSync(bin) ? bin : undefined;
}

/**
 * decap-server's environment: MODE fs (it writes files and leaves committing to the
 * newsroom: git add, commit, push), this folder, and only this machine's address unless the
 * newsroom says otherwise (BIND_HOST): decap-server asks no password, and on every address a
 * colleague's computer on the office network could write the site's files through it.
 */
export function decapServerEnv(dir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, MODE: "fs", GIT_REPO_DIRECTORY: dir, BIND_HOST: env.BIND_HOST ?? "127.0.0.1" };
}

/** Runs both until one ends or the process is interrupted; the exit code is the first to end's. */
export function runCms(dir: string): Promise<number> {
  const decap = decapServerCommand(dir);
  if (!decap) {
    console.error("decap-server is not installed in this site: run npm install --save-dev decap-server, then npm run cms again.");
    return Promise.resolve(1);
  }
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const children: ChildProcess[] = [
    spawn(decap, [], { cwd: dir, stdio: "inherit", env: decapServerEnv(dir), shell: process.platform === "win32" }),
    spawn(npm, ["start"], { cwd: dir, stdio: "inherit", shell: process.platform === "win32" }),
  ];
  console.log("Редакція: http://localhost:8080/admin/ (сайт — http://localhost:8080/). Зупинити — Ctrl+C.");
  return new Promise((done) => {
    let finished = false;
    const stop = (code: number) => {
      if (finished) return;
      finished = true;
      for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
      done(code);
    };
    for (const child of children) {
      child.on("exit", (code) => stop(code ?? 0));
      child.on("error", (error) => {
        console.error(String(error));
        stop(1);
      });
    }
    process.once("SIGINT", () => stop(0));
    process.once("SIGTERM", () => stop(0));
  });
}
