import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  TOOL_VERSION
} from "./chunks/chunk-IMGMDCXO.js";
import "./chunks/chunk-HIUQPB7O.js";

// src/cli.ts
var writeStdout = process.stdout.write.bind(process.stdout);
var writeStderr = process.stderr.write.bind(process.stderr);
process.stdout.write = (chunk, ...rest) => {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  const noise = text.startsWith("::debug::") || text.startsWith("[command]");
  if (noise && process.env.RUNNER_DEBUG !== "1") return true;
  return writeStderr(chunk, ...rest);
};
var { runCli } = await import("./chunks/main-2ZNBXF5K.js");
var status = await runCli(
  process.argv.slice(2),
  { stdout: (text) => writeStdout(text), stderr: (text) => writeStderr(text), env: process.env },
  TOOL_VERSION
);
process.exitCode = status;
