import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  TOOL_VERSION
} from "./chunks/shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./chunks/shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli.ts
var readerGone = false;
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE" && !readerGone) throw error;
  readerGone = true;
});
var writeStdout = process.stdout.write.bind(process.stdout);
var writeStderr = process.stderr.write.bind(process.stderr);
process.stdout.write = (chunk, ...rest) => {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  const noise = text.startsWith("::debug::") || text.startsWith("[command]");
  if (noise && process.env.RUNNER_DEBUG !== "1") return true;
  return writeStderr(chunk, ...rest);
};
var { runCli } = await import("./chunks/cli-main.js");
var status = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => readerGone || writeStdout(text),
    stderr: (text) => writeStderr(text),
    env: process.env
  },
  TOOL_VERSION
);
process.exitCode = status;
