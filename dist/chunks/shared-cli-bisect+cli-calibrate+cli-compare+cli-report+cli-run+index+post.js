import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  BenchmarkError,
  InputError,
  describeError,
  redactStream
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/bench/process/words.ts
function splitWords(text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quote === "'") {
      if (char === "'") quote = void 0;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = void 0;
      else if (char === "\\" && (next === '"' || next === "\\")) word += text.charAt(++i);
      else word += char;
    } else if (char === "\\" && next === "\n") {
      i++;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      inWord = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === "\\" && next !== "") word += text.charAt(++i);
      else word += char;
    }
  }
  if (quote !== void 0) {
    throw new InputError(
      `cannot split the command into words (shell: none): unterminated ${quote} quote in: ${text}`
    );
  }
  if (inWord) words.push(word);
  return words;
}

// src/core/errors/file-errors.ts
var WORDS = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is a file",
  EIO: "input/output error",
  ELOOP: "its symbolic links make a loop",
  EEXIST: "something is already there"
};
function fileErrorCode(error) {
  const code = error?.code;
  return typeof code === "string" ? code : String(error);
}
function describeFileError(error) {
  const code = fileErrorCode(error);
  return code in WORDS ? `${WORDS[code]} (${code})` : error.message ?? code;
}

// src/bench/process/running.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/bench/process/process-group.ts
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
var isWindows = process.platform === "win32";
function signalProcessGroup(pid, signal) {
  if (isWindows) {
    if (signal !== "SIGKILL") return;
    spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" }).once(
      "error",
      () => {
      }
    );
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
function signalProcessLeader(pid, signal) {
  if (isWindows) {
    signalProcessGroup(pid, signal);
    return;
  }
  try {
    process.kill(pid, signal);
  } catch {
  }
}
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return void 0;
  }
}
function processStartTime(pid) {
  const start = statFields(pid)?.[19];
  return start === void 0 ? void 0 : Number(start);
}
function isProcessRunning(pid, startTime) {
  const fields = statFields(pid);
  if (fields === void 0) {
    if (process.platform === "linux") return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  }
  const state = fields[0];
  if (state === "Z" || state === "X") return false;
  return startTime === void 0 || Number(fields[19]) === startTime;
}

// src/bench/process/tracking.ts
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync as readFileSync2, readSync, readdirSync } from "node:fs";
var TRACKING_VARIABLE = "PULUMI_PERF_GATE_TRACKING_ID";
function newTrackingId() {
  return randomUUID();
}
var KILL_ROUNDS = 5;
function killTrackedProcesses(trackingId) {
  let killed = 0;
  for (let round = 0; round < KILL_ROUNDS; round++) {
    const pids = findTrackedProcesses(trackingId);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
        killed++;
      } catch {
      }
    }
  }
  return killed;
}
function findTrackedProcesses(trackingId) {
  const entry = `${TRACKING_VARIABLE}=${trackingId}`;
  if (process.platform === "linux") return findInProc(Buffer.from(`${entry}\0`));
  if (process.platform === "darwin") return findWithPs(entry);
  return [];
}
var ENVIRON_BUFFER = Buffer.alloc(256 * 1024);
function findInProc(needle) {
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const environ = readEnviron(name);
    if (environ === void 0) continue;
    if (environ.includes(needle) || endsWith(environ, needle.subarray(0, -1))) {
      if (!isZombie(name)) found.push(Number(name));
    }
  }
  return found;
}
function readEnviron(pid) {
  let fd;
  try {
    fd = openSync(`/proc/${pid}/environ`, "r");
    const length = readSync(fd, ENVIRON_BUFFER, 0, ENVIRON_BUFFER.length, 0);
    return ENVIRON_BUFFER.subarray(0, length);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function endsWith(buffer, tail) {
  return buffer.length >= tail.length && buffer.subarray(buffer.length - tail.length).equals(tail);
}
function isZombie(pid) {
  try {
    const stat = readFileSync2(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}
function findWithPs(entry) {
  let listing;
  try {
    listing = execFileSync("ps", ["-axeww", "-o", "pid=,command="], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024
    });
  } catch {
    return [];
  }
  return listing.split("\n").filter((line) => line.includes(` ${entry}`)).map((line) => Number(line.trim().split(/\s+/)[0])).filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}

// src/bench/process/running.ts
function describeProcess(process2) {
  return `${process2.label} (pid ${process2.pid})`;
}
function interruptProcess(process2) {
  if (process2.interruptLeaderOnly) signalProcessLeader(process2.pid, "SIGINT");
  else signalProcessGroup(process2.pid, "SIGINT");
}
var running = /* @__PURE__ */ new Map();
var listeners = /* @__PURE__ */ new Set();
function changed() {
  const processes = runningProcesses();
  for (const listener of listeners) listener(processes);
}
function trackProcess(process2, onInterrupt) {
  running.set(process2.pid, { process: process2, onInterrupt });
  changed();
  return () => {
    if (running.delete(process2.pid)) changed();
  };
}
function runningProcesses() {
  return [...running.values()].map((entry) => ({ ...entry.process }));
}
function onRunningProcessesChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function interruptRunningProcesses(first = true) {
  const entries = [...running.values()].filter(
    (entry) => entry.process.interruptible && !(first && entry.process.spareOnCancel)
  );
  if (entries.length === 0) return;
  for (const entry of entries) entry.process.interrupts++;
  changed();
  for (const entry of entries) {
    interruptProcess(entry.process);
    entry.onInterrupt();
  }
}
function killRunningProcesses() {
  for (const entry of running.values()) killProcessTree(entry.process);
}
function killProcessTree(process2) {
  signalProcessGroup(process2.pid, "SIGKILL");
  if (process2.trackingId !== void 0) killTrackedProcesses(process2.trackingId);
}
async function waitForProcesses(processes, timeoutMs, signal) {
  const deadline = Date.now() + timeoutMs;
  const stillRunning = () => processes.filter((process2) => isProcessRunning(process2.pid, process2.startTime));
  for (let left = stillRunning(); ; left = stillRunning()) {
    if (left.length === 0 || Date.now() >= deadline || signal?.aborted) return left;
    await sleep(100);
  }
}
async function waitForRunningProcesses(timeoutMs, signal, which = () => true) {
  const deadline = Date.now() + timeoutMs;
  const left = () => [...running.values()].some((entry) => which(entry.process));
  while (left() && Date.now() < deadline && !signal?.aborted) await sleep(50);
  return !left();
}
function signalProcess(process2, signal) {
  if (!isProcessRunning(process2.pid, process2.startTime)) return process2;
  if (signal === "SIGINT") interruptProcess(process2);
  else signalProcessGroup(process2.pid, signal);
  const interrupts = process2.interrupts + (signal === "SIGINT" ? 1 : 0);
  return { ...process2, interrupts };
}

// src/core/release-version.ts
var STABLE = /^v?(\d+)\.(\d+)\.(\d+)$/;
function stableVersion(text) {
  const match = STABLE.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}` : null;
}

// src/teardown/teardown.ts
import { rm as rm3, rmdir } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/bench/cleanup.ts
import { closeSync as closeSync4, mkdirSync } from "node:fs";
import { dirname } from "node:path";

// src/bench/process/child-env.ts
var WITHHELD_PREFIXES = ["INPUT_", "STATE_"];
var WITHHELD = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL",
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY",
  "GITHUB_ENV",
  "GITHUB_PATH"
]);
function childEnv(base, extra = {}) {
  const kept = Object.entries(base).filter(([name]) => {
    const upper = name.toUpperCase();
    return !WITHHELD.has(upper) && !WITHHELD_PREFIXES.some((prefix) => upper.startsWith(prefix));
  });
  return { ...Object.fromEntries(kept), ...extra };
}

// src/bench/process/command.ts
var TEXT_LIMIT = 80;
function resolveStep(step, shell) {
  const { command } = step;
  const common = {
    env: childEnv(process.env, step.env),
    cwd: step.cwd,
    stop: step.stop,
    tag: step.tag
  };
  if (command.kind === "argv") {
    return {
      ...common,
      file: command.file,
      args: command.args,
      throughShell: false,
      text: shorten([command.file, ...command.args].join(" "))
    };
  }
  const text = shorten(command.script);
  if (shell.kind === "shell") {
    return { ...common, file: shell.path, args: ["-c", command.script], throughShell: true, text };
  }
  const [file, ...args] = splitWords(command.script);
  if (file === void 0)
    throw new InputError("a command is empty; with shell: none it needs words");
  return { ...common, file, args, throughShell: false, text };
}
function shorten(text) {
  const lines = text.trim().split("\n");
  const first = lines[0] ?? "";
  const cut = first.length > TEXT_LIMIT ? `${first.slice(0, TEXT_LIMIT - 1)}\u2026` : first;
  return lines.length > 1 && cut === first ? `${first} \u2026` : cut;
}

// src/bench/log.ts
import {
  constants,
  closeSync as closeSync2,
  createReadStream,
  createWriteStream,
  openSync as openSync2,
  readSync as readSync2,
  rmSync,
  fstatSync,
  writeSync
} from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
var TAIL_BYTES = 64 * 1024;
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
function openLog(path6, mode = "truncate") {
  const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = constants;
  if (mode === "append") return openSync2(path6, O_WRONLY | O_CREAT | O_APPEND | NO_FOLLOW, 384);
  rmSync(path6, { force: true });
  return openSync2(path6, O_WRONLY | O_CREAT | O_EXCL | NO_FOLLOW, 384);
}
function writeLogHeader(fd, text) {
  writeSync(fd, `
[pulumi-perf-gate] ${text}
`);
}
function tailLines(path6, count = 20) {
  const fd = openSync2(path6, "r");
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync2(fd, buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").trimEnd().split(/\r?\n/);
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    closeSync2(fd);
  }
}
async function redactLogs(dir, redact) {
  const names = await readdir(dir).catch(() => []);
  const warnings = [];
  for (const name of names.filter((name2) => name2.endsWith(".log"))) {
    const path6 = join(dir, name);
    try {
      await redactLog(path6, redact);
    } catch (error) {
      const why = describeFileError(error);
      const removed = await rm(path6, { force: true }).then(
        () => true,
        () => false
      );
      warnings.push(
        removed ? `removed the log ${path6}: it could not be checked for secrets (${why})` : `the log ${path6} may hold a secret: it could be neither checked nor removed (${why})`
      );
    }
  }
  return warnings;
}
async function redactLog(path6, redact) {
  if (!await holdsSecret(path6, redact)) return;
  const temporary = `${path6}.redacting`;
  try {
    await pipeline(
      createReadStream(path6, { encoding: "utf8" }),
      redacting(redact),
      // Exclusive: a link planted under the temporary name is not written through.
      createWriteStream(temporary, { flags: "wx", mode: 384 })
    );
    await rename(temporary, path6);
  } finally {
    await rm(temporary, { force: true }).catch(() => void 0);
  }
}
async function holdsSecret(path6, redact) {
  let found = false;
  const check = Object.assign(
    (text) => {
      found ||= redact(text) !== text;
      return "";
    },
    { secrets: redact.secrets }
  );
  await pipeline(
    createReadStream(path6, { encoding: "utf8" }),
    redacting(check),
    new Writable({ write: (_chunk, _encoding, done) => done() })
  );
  return found;
}
function redacting(redact) {
  const stream = redactStream(redact);
  return new Transform({
    transform(chunk, _encoding, done) {
      done(null, stream.push(chunk));
    },
    flush(done) {
      done(null, stream.end());
    }
  });
}

// src/bench/process/spawn.ts
import { spawn as spawn2 } from "node:child_process";
import { basename } from "node:path";

// src/bench/process/capture.ts
import { closeSync as closeSync3, mkdtempSync, openSync as openSync3, readFileSync as readFileSync3, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function openCapture() {
  const dir = mkdtempSync(join2(tmpdir(), "pulumi-perf-gate-output-"));
  const paths = { stdout: join2(dir, "stdout"), stderr: join2(dir, "stderr") };
  const fds = { stdout: openSync3(paths.stdout, "w"), stderr: openSync3(paths.stderr, "w") };
  let open = true;
  const closeOurs = () => {
    if (!open) return;
    open = false;
    closeSync3(fds.stdout);
    closeSync3(fds.stderr);
  };
  return {
    ...fds,
    closeOurs,
    read() {
      closeOurs();
      const text = (path6) => readFileSync3(path6, "utf8");
      const captured = { stdout: text(paths.stdout), stderr: text(paths.stderr) };
      rmSync2(dir, { recursive: true, force: true });
      return captured;
    }
  };
}

// src/bench/schedule/format.ts
function formatTimeSpan(seconds) {
  if (seconds < 1) return `${Math.round(seconds * 1e3)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) {
    const whole = Math.round(seconds);
    return joinUnits(Math.floor(whole / 60), "min", whole % 60, "s");
  }
  const minutes = Math.round(seconds / 60);
  return joinUnits(Math.floor(minutes / 60), "h", minutes % 60, "min");
}
function formatSampleTime(seconds) {
  return seconds < 1 ? `${(seconds * 1e3).toFixed(2)} ms` : `${seconds.toFixed(3)} s`;
}
function joinUnits(major, majorUnit, minor, minorUnit) {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

// src/bench/resources/resources.ts
import { spawnSync } from "node:child_process";
import { existsSync, openSync as openSync4, readFileSync as readFileSync5, readSync as readSync3, rmSync as rmSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";

// src/bench/resources/bsd-time.ts
var BSD_TIME_PATH = "/usr/bin/time";
function wrapInBsdTime(reportPath, command) {
  return {
    file: BSD_TIME_PATH,
    args: ["-l", "-o", reportPath, "--", command.file, ...command.args]
  };
}
var DECIMAL = String.raw`(\d+(?:[.,]\d+)?)`;
function parseBsdTimeReport(text) {
  const cpu = (name) => new RegExp(`${DECIMAL}[ \\t]+${name}\\b`).exec(text) ?? new RegExp(`^${name}[ \\t]+${DECIMAL}`, "m").exec(text);
  const user = cpu("user");
  const system = cpu("sys");
  const rss = /^[ \t]*(\d+)[ \t]+maximum resident set size/m.exec(text);
  const usage = {};
  if (user) usage.userSeconds = decimal(user[1]);
  if (system) usage.systemSeconds = decimal(system[1]);
  if (rss) usage.maxRssBytes = Number(rss[1]);
  return Object.keys(usage).length === 0 ? void 0 : usage;
}
function decimal(text) {
  return Number(text.replace(",", "."));
}

// src/bench/resources/resource-method.ts
function selectResourceMethod(platform, facts) {
  if (platform === "linux" && facts.exists("/proc/self/stat")) {
    return { kind: "procfs", memory: facts.exists(`/proc/${facts.pid}/task/${facts.pid}/children`) };
  }
  if (platform === "darwin" && facts.runs(BSD_TIME_PATH, ["-l", "-o", "/dev/null", "true"])) {
    return { kind: "bsd-time" };
  }
  return { kind: "none" };
}

// src/bench/resources/resource-usage.ts
var USER_HZ = 100;
function parseChildTicks(text) {
  const close = text.lastIndexOf(")");
  if (close < 0) return void 0;
  const fields = text.slice(close + 1).trim().split(/\s+/);
  const cutime = Number(fields[16 - 3]);
  const cstime = Number(fields[17 - 3]);
  if (!Number.isInteger(cutime) || !Number.isInteger(cstime)) return void 0;
  return { cutime, cstime };
}
function childCpuSeconds(before, after) {
  return {
    userSeconds: Math.max(0, after.cutime - before.cutime) / USER_HZ,
    systemSeconds: Math.max(0, after.cstime - before.cstime) / USER_HZ
  };
}
function parseVmHwmBytes(text) {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(text);
  return match ? Number(match[1]) * 1024 : void 0;
}
function parseChildPids(text) {
  return text.split(" ").filter((word) => /^\d+$/.test(word)).map(Number);
}
function meanCpu(usages) {
  const complete = usages.filter(
    (usage) => usage.userSeconds !== void 0 && usage.systemSeconds !== void 0
  );
  if (complete.length === 0 || complete.length < usages.length) return void 0;
  const mean = (pick) => complete.reduce((sum, usage) => sum + pick(usage), 0) / complete.length;
  return {
    userSeconds: mean((usage) => usage.userSeconds),
    systemSeconds: mean((usage) => usage.systemSeconds)
  };
}
function withoutShellCpu(usage, shell) {
  if (!shell) return usage;
  const less = (seconds, overhead) => Math.max(0, Math.round((seconds - overhead) * 1e6) / 1e6);
  const result = { ...usage };
  if (usage.userSeconds !== void 0)
    result.userSeconds = less(usage.userSeconds, shell.userSeconds);
  if (usage.systemSeconds !== void 0)
    result.systemSeconds = less(usage.systemSeconds, shell.systemSeconds);
  return result;
}

// src/bench/resources/tree-memory.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync4 } from "node:fs";
var FIRST_SCAN_MS = 20;
var SCAN_INTERVAL_MS = 100;
var TreeMemoryPoller = class {
  constructor(rootPid, proc = LIVE_PROC) {
    this.rootPid = rootPid;
    this.proc = proc;
    this.schedule(FIRST_SCAN_MS);
  }
  rootPid;
  proc;
  peak;
  timer;
  stopped = false;
  /** One walk of the tree; public for tests. */
  scan() {
    const queue = [this.rootPid];
    for (let pid = queue.pop(); pid !== void 0; pid = queue.pop()) {
      const status = this.proc.status(pid);
      if (status === void 0) continue;
      const hwm = parseVmHwmBytes(status);
      if (hwm !== void 0 && (this.peak === void 0 || hwm > this.peak)) this.peak = hwm;
      queue.push(...this.proc.children(pid));
    }
  }
  /** Stops polling; the largest VmHWM seen, undefined when no scan saw the tree. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    return this.peak;
  }
  schedule(delayMs) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.scan();
      this.schedule(SCAN_INTERVAL_MS);
    }, delayMs);
    this.timer.unref();
  }
};
var LIVE_PROC = {
  status: (pid) => readOrUndefined(`/proc/${pid}/status`),
  children: (pid) => {
    let threads;
    try {
      threads = readdirSync2(`/proc/${pid}/task`);
    } catch {
      return [];
    }
    return threads.flatMap(
      (tid) => parseChildPids(readOrUndefined(`/proc/${pid}/task/${tid}/children`) ?? "")
    );
  }
};
function readOrUndefined(path6) {
  try {
    return readFileSync4(path6, "utf8");
  } catch {
    return void 0;
  }
}

// src/bench/resources/resources.ts
var method;
function currentMethod() {
  method ??= selectResourceMethod(process.platform, {
    exists: existsSync,
    runs: (file, args) => spawnSync(file, args, { stdio: "ignore" }).status === 0,
    pid: process.pid
  });
  return method;
}
function startResourceProbe(command) {
  const chosen = currentMethod();
  switch (chosen.kind) {
    case "procfs":
      return procfsProbe(command, chosen.memory);
    case "bsd-time":
      return bsdTimeProbe(command);
    case "none":
      return void 0;
  }
}
function procfsProbe(command, memory) {
  const before = readSelfTicks();
  let poller;
  const stop = () => poller?.stop();
  return {
    file: command.file,
    args: command.args,
    spawned: (pid) => {
      if (memory && pid !== void 0) poller = new TreeMemoryPoller(pid);
    },
    finish: () => {
      const after = readSelfTicks();
      const usage = before && after ? childCpuSeconds(before, after) : {};
      const peak = stop();
      if (peak !== void 0) usage.maxRssBytes = peak;
      return usage;
    },
    stop
  };
}
var selfStat;
var statBuffer = Buffer.alloc(4096);
function readSelfTicks() {
  try {
    selfStat ??= openSync4("/proc/self/stat", "r");
    const length = readSync3(selfStat, statBuffer, 0, statBuffer.length, 0);
    return parseChildTicks(statBuffer.toString("latin1", 0, length));
  } catch {
    return void 0;
  }
}
var reports = 0;
function bsdTimeProbe(command) {
  const reportPath = join3(tmpdir2(), `pulumi-perf-gate-${process.pid}-${reports++}.time`);
  const remove = () => rmSync3(reportPath, { force: true });
  return {
    ...wrapInBsdTime(reportPath, command),
    forwardsInterrupt: true,
    spawned: () => {
    },
    finish: () => {
      let text = "";
      try {
        text = readFileSync5(reportPath, "utf8");
      } catch {
      }
      remove();
      return parseBsdTimeReport(text) ?? {};
    },
    stop: remove
  };
}

// src/bench/process/spawn.ts
var USER_COMMAND_STOP = { onCancel: "interrupt-then-kill", graceMs: 2e3 };
var MAX_TIMER_MS = 2 ** 31 - 1;
var isWindows2 = process.platform === "win32";
function runProcess(spec, options) {
  if (options.signal?.aborted) return Promise.resolve({ kind: "aborted" });
  const stop = options.stop ?? USER_COMMAND_STOP;
  let capture;
  try {
    capture = options.output === "capture" ? openCapture() : void 0;
  } catch (error) {
    return Promise.resolve({ kind: "not-started", reason: error.message });
  }
  const output = options.output === "capture" ? void 0 : options.output;
  return new Promise((resolve) => {
    let timedOut = false;
    let graceTimer;
    let timeoutTimer;
    let child;
    const probe = options.measureResources ? startResourceProbe(spec) : void 0;
    const trackingId = newTrackingId();
    const env = { ...spec.env ?? childEnv(process.env), [TRACKING_VARIABLE]: trackingId };
    const start = process.hrtime.bigint();
    try {
      child = spawn2(probe?.file ?? spec.file, probe?.args ?? spec.args, {
        cwd: spec.cwd,
        env,
        stdio: [
          spec.stdin === void 0 ? "ignore" : "pipe",
          capture?.stdout ?? output,
          capture?.stderr ?? output
        ],
        detached: !isWindows2,
        windowsHide: true
      });
    } catch (error) {
      probe?.stop();
      capture?.read();
      resolve({ kind: "not-started", reason: error.message });
      return;
    }
    probe?.spawned(child.pid);
    capture?.closeOurs();
    if (spec.stdin !== void 0 && child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(spec.stdin);
    }
    const killGroup = (signal) => {
      if (child.pid !== void 0) signalProcessGroup(child.pid, signal);
    };
    const killAfterGrace = () => {
      graceTimer ??= setTimeout(() => killGroup("SIGKILL"), stop.graceMs);
    };
    const tracked = child.pid === void 0 ? void 0 : {
      pid: child.pid,
      startTime: processStartTime(child.pid),
      trackingId,
      label: options.label ?? basename(spec.file),
      tag: options.tag,
      interruptible: stop.onCancel !== "finish",
      killAfterMs: stop.onCancel === "interrupt-then-kill" ? stop.graceMs : void 0,
      interrupts: 0,
      ...stop.onCancel === "finish-then-interrupt" ? { spareOnCancel: true } : {},
      // macOS's /usr/bin/time forwards SIGINT to the command it runs: a SIGINT to
      // the whole group would reach the command twice (bsd-time.ts).
      ...probe?.forwardsInterrupt ? { interruptLeaderOnly: true } : {}
    };
    const untrack = tracked ? trackProcess(tracked, () => {
      if (stop.onCancel === "interrupt-then-kill") killAfterGrace();
    }) : () => {
    };
    if (options.timeoutMs !== void 0) {
      timeoutTimer = setTimeout(
        () => {
          timedOut = true;
          if (stop.onCancel === "finish-then-interrupt") {
            killGroup("SIGKILL");
            return;
          }
          if (tracked) interruptProcess(tracked);
          killAfterGrace();
        },
        Math.min(options.timeoutMs, MAX_TIMER_MS)
      );
    }
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(graceTimer);
      if (outcome.kind !== "exited" || outcome.exitCode !== 0) killGroup("SIGKILL");
      if (outcome.kind !== "not-started") killTrackedProcesses(trackingId);
      untrack();
      const captured = capture?.read();
      resolve(captured ? { ...outcome, captured } : outcome);
    };
    child.once("error", (error) => {
      probe?.stop();
      settle({ kind: "not-started", reason: error.message });
    });
    child.once("exit", (exitCode, exitSignal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const resources = probe?.finish();
      if (timedOut) settle({ kind: "timed-out" });
      else if ((tracked?.interrupts ?? 0) > 0) settle({ kind: "aborted", exitCode });
      else if (exitCode !== null)
        settle({ kind: "exited", exitCode, seconds, ...resources && { resources } });
      else settle({ kind: "signaled", signal: exitSignal ?? "an unknown signal" });
    });
  });
}
async function untilAborted(running2, signal) {
  if (signal === void 0) return running2;
  let onAbort = () => {
  };
  const aborted = new Promise((resolve) => {
    onAbort = () => resolve({ kind: "aborted" });
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([running2, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
function describeOutcome(outcome, timeoutMs) {
  switch (outcome.kind) {
    case "exited":
      return `failed with exit code ${outcome.exitCode}`;
    case "signaled":
      return `was killed by ${outcome.signal}`;
    case "timed-out":
      return timeoutMs === void 0 ? "timed out" : `timed out after ${formatTimeSpan(timeoutMs / 1e3)}`;
    case "aborted":
      return "was aborted";
    case "not-started":
      return `could not start (${outcome.reason})`;
  }
}

// src/bench/cleanup.ts
var DEFAULT_CLEANUP_TIMEOUT_MS = 30 * 6e4;
async function runCleanup(steps, shell, options = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS;
  if (options.logPath !== void 0) mkdirSync(dirname(options.logPath), { recursive: true });
  const logFd = options.logPath === void 0 ? void 0 : openLog(options.logPath, "append");
  const warnings = [];
  try {
    for (const [index, step] of steps.entries()) {
      const what = `cleanup step ${index + 1} of ${steps.length}`;
      try {
        const resolved = resolveStep(step, shell);
        if (logFd !== void 0) writeLogHeader(logFd, `${what}: ${resolved.text}`);
        const outcome = await runProcess(resolved, { output: logFd ?? "ignore", timeoutMs });
        if (outcome.kind !== "exited" || outcome.exitCode !== 0) {
          const where = options.logPath === void 0 ? "" : `; see ${options.logPath}`;
          warnings.push(`${what} (${resolved.text}) ${describeOutcome(outcome, timeoutMs)}${where}`);
        }
      } catch (error) {
        warnings.push(`${what} could not run: ${describeError(error)}`);
      }
    }
  } finally {
    if (logFd !== void 0) closeSync4(logFd);
  }
  return warnings;
}

// src/pulumi/stack/stacks.ts
import { mkdir as mkdir2, mkdtemp } from "node:fs/promises";
import path4 from "node:path";

// src/pulumi/stack/existing-stack.ts
import { existsSync as existsSync3 } from "node:fs";
import { homedir } from "node:os";
import path2 from "node:path";

// src/pulumi/program.ts
import { existsSync as existsSync2, readFileSync as readFileSync6, statSync } from "node:fs";
import path from "node:path";
function checkProgramFolder(folder, input) {
  const absolute = path.resolve(folder);
  if (!existsSync2(absolute) || !statSync(absolute).isDirectory()) {
    throw new InputError(`${input}: ${folder} is not a folder; give the folder of a Pulumi program`);
  }
  const hasProject = ["Pulumi.yaml", "Pulumi.yml"].some(
    (name) => existsSync2(path.join(absolute, name))
  );
  if (!hasProject) {
    throw new InputError(
      `${input}: ${folder} holds no Pulumi.yaml; give the folder of a Pulumi program`
    );
  }
  return absolute;
}
function projectName(programDir) {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    try {
      const text = readFileSync6(path.join(programDir, file), "utf8");
      const match = /^name:[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
      if (match?.[1]) return match[1];
    } catch {
    }
  }
  return void 0;
}

// src/pulumi/stack/existing-stack.ts
function checkStackIsNew(target, input) {
  const { programDir, stack, backendUrl } = target;
  const folder = backendUrl === void 0 ? void 0 : localBackendFolder(backendUrl);
  if (backendUrl !== void 0 && folder !== void 0) {
    const project = projectName(programDir);
    const found = checkpointPaths(folder, project, stack).find((file) => existsSync3(file));
    if (found !== void 0) throw stackExists(input, stack, backendUrl);
  }
  for (const name of [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`]) {
    if (existsSync3(path2.join(programDir, name))) {
      throw new InputError(
        `${input}: the settings of a stack ${stack} already exist (${path2.join(programDir, name)}); ${CHOOSE}`
      );
    }
  }
}
var CHOOSE = "pulumi-perf-gate only destroys stacks it creates: choose another stack-prefix, or leave it unset for a unique one";
function stackExists(input, stack, backendUrl) {
  return new InputError(`${input}: stack ${stack} already exists in ${backendUrl}; ${CHOOSE}`);
}
function localBackendFolder(backendUrl) {
  if (!backendUrl.startsWith("file://")) return void 0;
  let folder = decodeURIComponent(backendUrl.slice("file://".length).split("?")[0] ?? "");
  if (folder === "~" || folder.startsWith("~/")) folder = path2.join(homedir(), folder.slice(1));
  return path2.resolve(folder);
}
function checkpointPaths(folder, project, stack) {
  const stacks = path2.join(folder, ".pulumi", "stacks");
  const bases = [path2.join(stacks, stack)];
  if (project !== void 0) bases.push(path2.join(stacks, project, stack));
  return bases.flatMap((base) => [".json", ".json.gz", ".json.zst"].map((ext) => base + ext));
}

// src/pulumi/phase-args.ts
var COMMANDS = {
  up: ["up", "--yes", "--skip-preview", "--non-interactive"],
  preview: ["preview", "--non-interactive"],
  // An `up` on the deployed stack: nothing to change, so it only runs the program and diffs.
  update: ["up", "--yes", "--skip-preview", "--non-interactive"],
  refresh: ["refresh", "--yes", "--skip-preview", "--non-interactive"],
  destroy: ["destroy", "--yes", "--skip-preview", "--non-interactive"]
};
function phaseArgs(phase, stack, parallel) {
  const limit = parallel === void 0 ? [] : ["--parallel", String(parallel)];
  return [...COMMANDS[phase], "--stack", stack, ...limit];
}

// src/pulumi/versions/release-range.ts
function parts(version) {
  return version.split(".").map(Number);
}
function compareVersions(a, b) {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const difference = x[i] - y[i];
    if (difference !== 0) return difference;
  }
  return 0;
}
function versionsBetween(released, good, bad, where) {
  const known = new Set(released);
  for (const [input, version] of [
    ["good", good],
    ["bad", bad]
  ]) {
    if (!known.has(version)) {
      throw new InputError(
        `${input}: ${version} is not a released Pulumi version according to ${where}; give a version it lists, such as ${[...known].sort(compareVersions).at(-1) ?? "3.181.0"}`
      );
    }
  }
  if (compareVersions(good, bad) >= 0) {
    throw new InputError(`good must be an older release than bad (got ${good} and ${bad})`);
  }
  return [...known].filter((version) => compareVersions(version, good) >= 0 && compareVersions(version, bad) <= 0).sort(compareVersions);
}
function parseReleaseIndex(text, format) {
  const names = format === "lines" ? text.split(/\r?\n/) : tagNames(text);
  const versions = names.map(stableVersion).filter((version) => version !== null);
  return [...new Set(versions)];
}
function tagNames(text) {
  let refs;
  try {
    refs = JSON.parse(text);
  } catch {
    throw new ReleaseIndexError("it is not JSON");
  }
  if (!Array.isArray(refs)) throw new ReleaseIndexError("it is not a list of tags");
  return refs.flatMap((entry) => {
    const ref = entry?.ref;
    return typeof ref === "string" && ref.startsWith("refs/tags/") ? [ref.slice(10)] : [];
  });
}
var ReleaseIndexError = class extends Error {
  name = "ReleaseIndexError";
};

// src/pulumi/stack/selected-stack.ts
import { mkdir, readFile, readdir as readdir2, rm as rm2, writeFile } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import path3 from "node:path";
var SUFFIX = "-workspace.json";
async function saveSelectedStacks(programDir, env = process.env) {
  const project = projectName(programDir);
  const folder = path3.join(env["PULUMI_HOME"] || path3.join(homedir2(), ".pulumi"), "workspaces");
  const ours = (name) => project !== void 0 && name.startsWith(`${project}-`) && name.endsWith(SUFFIX);
  const before = await readFiles(folder, ours);
  return {
    async restore() {
      const after = await readFiles(folder, ours);
      for (const [name, content] of after) {
        const was = before.get(name);
        if (was === void 0) await rm2(path3.join(folder, name), { force: true });
        else if (was !== content) await writeFile(path3.join(folder, name), was);
      }
      for (const [name, content] of before) {
        if (after.has(name)) continue;
        await mkdir(folder, { recursive: true });
        await writeFile(path3.join(folder, name), content);
      }
    }
  };
}
async function readFiles(folder, which) {
  const files = /* @__PURE__ */ new Map();
  let names;
  try {
    names = await readdir2(folder);
  } catch {
    return files;
  }
  for (const name of names.filter(which)) {
    try {
      files.set(name, await readFile(path3.join(folder, name), "utf8"));
    } catch {
    }
  }
  return files;
}

// src/pulumi/run.ts
import { basename as basename2 } from "node:path";
var FINISH_ON_CANCEL = { onCancel: "finish", graceMs: 1e4 };
async function runCaptured(file, args, options = {}) {
  const result = await runProcess(
    {
      file,
      args,
      cwd: options.cwd,
      env: childEnv(process.env, options.env),
      stdin: options.input
    },
    {
      output: "capture",
      timeoutMs: options.timeoutMs,
      stop: options.stop ?? FINISH_ON_CANCEL,
      label: [basename2(file), ...args.slice(0, 2)].join(" "),
      tag: options.tag
    }
  );
  const { stdout = "", stderr = "" } = result.captured ?? {};
  return {
    exitCode: "exitCode" in result ? result.exitCode ?? null : null,
    stdout,
    stderr,
    timedOut: result.kind === "timed-out",
    interrupted: result.kind === "aborted",
    ...result.kind === "not-started" ? { spawnError: result.reason } : {}
  };
}
function describeFailure(file, args, result) {
  const command = [file, ...args].join(" ");
  if (result.spawnError) return `${command} could not start: ${result.spawnError}`;
  const status = result.timedOut ? "timed out" : result.interrupted ? "was interrupted" : result.exitCode === null ? "was killed" : `failed with exit code ${result.exitCode}`;
  const reason = errorReason(`${result.stdout}
${result.stderr}`);
  return reason ? `${command} ${status}: ${reason}` : `${command} ${status}`;
}
var MAX_REASON = 500;
function errorReason(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const start = lines.findLastIndex((line) => /^error:/i.test(line));
  if (start === -1) return bounded(lines.findLast((line) => line !== "") ?? "");
  const paragraph = [lines[start] ?? ""];
  let bare = /^error:$/i.test(paragraph[0] ?? "");
  for (const line of lines.slice(start + 1)) {
    if (/^[=\-_*]{3,}$/.test(line)) continue;
    if (line === "" && bare) continue;
    if (line === "") break;
    paragraph.push(line);
    bare = false;
  }
  return bounded(paragraph.join(" ").replace(/\s+/g, " "));
}
function bounded(text) {
  return text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1).trimEnd()}\u2026`;
}

// src/pulumi/stack/stacks.ts
var SETUP_TIMEOUT_MS = 5 * 6e4;
var PULUMI_UPDATE_STOP = { onCancel: "interrupt", graceMs: 6e4 };
var CANCEL_KEEPS_PROVIDERS = "3.87.0";
var PULUMI_FINISH_STOP = { onCancel: "finish-then-interrupt", graceMs: 6e4 };
function pulumiPhaseStop(version) {
  return compareVersions(version, CANCEL_KEEPS_PROVIDERS) < 0 ? PULUMI_FINISH_STOP : PULUMI_UPDATE_STOP;
}
function pulumiEnv(ref, base = process.env) {
  const pathKey = Object.keys(base).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
  const searchPath = [path4.dirname(ref.binary), base[pathKey]].filter(Boolean).join(path4.delimiter);
  const env = {
    [pathKey]: searchPath,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_BACKEND_URL: ref.backendUrl
  };
  const hasPassphrase = base["PULUMI_CONFIG_PASSPHRASE"] !== void 0 || base["PULUMI_CONFIG_PASSPHRASE_FILE"] !== void 0;
  if (ref.backendUrl.startsWith("file://") && !hasPassphrase) env["PULUMI_CONFIG_PASSPHRASE"] = "";
  return env;
}
async function makeGroupBackends(parentDir, groups) {
  await mkdir2(parentDir, { recursive: true });
  const folder = await mkdtemp(path4.join(parentDir, "pulumi-backend-"));
  const urls = {};
  for (const group of groups) {
    await mkdir2(path4.join(folder, group));
    urls[group] = fileUrl(path4.join(folder, group));
  }
  return { folder, urls };
}
function fileUrl(folder) {
  const url = folder.split(path4.sep).join("/").split("/").map(encodeURIComponent).join("/");
  return `file://${url.replace(/^([A-Za-z])%3A/, "$1:")}`;
}
function destroyArgs(stack) {
  return phaseArgs("destroy", stack);
}
async function initStack(ref, config, options) {
  const init = ["stack", "init", ref.stack, "--non-interactive"];
  const created = await runKeepingSelection(ref, init);
  if (created.exitCode !== 0) {
    const exists = /already exists/i.test(created.stderr + created.stdout);
    if (exists) throw stackExists(options.input, ref.stack, ref.backendUrl);
    throw setupError(ref, init, created);
  }
  options.onCreated();
  for (const { key, value } of config) {
    const args = [
      "config",
      "set",
      "--plaintext",
      "--stack",
      ref.stack,
      "--non-interactive",
      "--",
      key
    ];
    const result = await runPulumi(ref, args, SETUP_TIMEOUT_MS, { input: value });
    if (result.exitCode !== 0) throw setupError(ref, args, result);
  }
}
async function runKeepingSelection(ref, args) {
  const selected = await saveSelectedStacks(ref.programDir);
  try {
    return await runPulumi(ref, args, SETUP_TIMEOUT_MS);
  } finally {
    await selected.restore();
  }
}
function runPulumi(ref, args, timeoutMs, extra = {}) {
  return runCaptured(ref.binary, args, {
    cwd: ref.programDir,
    env: pulumiEnv(ref),
    timeoutMs,
    tag: ref.stack,
    ...extra
  });
}
function describePulumiFailure(ref, args, result) {
  return describeFailure(path4.basename(ref.binary), args, result);
}
function setupError(ref, args, result) {
  return new BenchmarkError(
    `could not set up stack ${ref.stack}: ${describePulumiFailure(ref, args, result)}`
  );
}

// src/pulumi/stack/teardown-stack.ts
import { mkdir as mkdir3, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";

// src/pulumi/stack/stack-state.ts
function readHoldings(exported) {
  let data;
  try {
    data = JSON.parse(exported);
  } catch {
    throw new Error("pulumi stack export printed something that is not JSON");
  }
  if (typeof data !== "object" || data === null || !("deployment" in data)) {
    throw new Error("pulumi stack export printed no deployment");
  }
  const deployment = data.deployment;
  const resources = deployment?.resources ?? [];
  const pending = deployment?.pending_operations ?? [];
  return {
    resources: resources.map((resource) => describeResource(resource)),
    pending: pending.map(
      (operation) => `${String(operation.type)} ${describeResource(operation.resource ?? {})}`
    ),
    details: [
      ...resources.map((resource) => detail("", resource)),
      ...pending.map((operation) => detail(`${String(operation.type)} `, operation.resource ?? {}))
    ]
  };
}
function holdsNothing(holdings) {
  return holdings.resources.length === 0 && holdings.pending.length === 0;
}
var EXAMPLES = 3;
function describeHoldings(holdings) {
  const parts2 = [];
  const list = (items) => {
    const shown = items.slice(0, EXAMPLES).join(", ");
    return items.length > EXAMPLES ? `${shown} and ${items.length - EXAMPLES} more` : shown;
  };
  const { resources, pending } = holdings;
  if (resources.length > 0) {
    parts2.push(
      `${resources.length} resource${resources.length === 1 ? "" : "s"} remain${resources.length === 1 ? "s" : ""} (${list(resources)})`
    );
  }
  if (pending.length > 0) {
    parts2.push(
      `${pending.length} pending operation${pending.length === 1 ? "" : "s"} (${list(pending)})`
    );
  }
  const creating = pending.some((operation) => operation.startsWith("creating "));
  const warning = creating ? "; what Pulumi was creating may exist outside the state" : "";
  return `${parts2.join(" and ")}${warning}`;
}
function detail(prefix, resource) {
  const urn = typeof resource.urn === "string" ? resource.urn : "?";
  const id = typeof resource.id === "string" && resource.id !== "" ? ` (id ${resource.id})` : "";
  return `${prefix}${urn}${id}`;
}
function describeResource(resource) {
  const urn = typeof resource.urn === "string" ? resource.urn : "";
  const name = urn.slice(urn.lastIndexOf("::") + 2) || "?";
  const type = typeof resource.type === "string" ? resource.type : "resource";
  return `${type} ${name}`;
}

// src/pulumi/stack/teardown-stack.ts
async function tearDownStack(ref, options) {
  if (options.stop?.aborted) return { kind: "stopped" };
  const destroy = destroyArgs(ref.stack);
  const runDestroy = () => runPulumi(ref, destroy, options.timeoutMs, { stop: PULUMI_UPDATE_STOP });
  let destroyed = await runDestroy();
  if (destroyed.interrupted && !options.stop?.aborted) destroyed = await runDestroy();
  if (isMissingStack(destroyed)) return { kind: "removed" };
  if (isLocked(destroyed) && !options.stop?.aborted) {
    const cancel = ["cancel", "--yes", "--non-interactive", "--stack", ref.stack];
    const cancelled = await runPulumi(ref, cancel, SETUP_TIMEOUT_MS);
    if (cancelled.exitCode === 0 && !options.stop?.aborted) destroyed = await runDestroy();
  }
  if (options.stop?.aborted) return { kind: "stopped" };
  const failure = destroyed.exitCode === 0 ? void 0 : describePulumiFailure(ref, destroy, destroyed);
  const exported = await exportStack(ref);
  if (failure === void 0 && exported.holdings && holdsNothing(exported.holdings)) {
    const remove = ["stack", "rm", "--yes", "--non-interactive", "--stack", ref.stack];
    const removed = await runKeepingSelection(ref, remove);
    if (removed.exitCode === 0 || isMissingStack(removed)) return { kind: "removed" };
    return keep(ref, describePulumiFailure(ref, remove, removed), exported, options.stateDir);
  }
  return keep(ref, failure, exported, options.stateDir);
}
async function keepStack(ref, reason, stateDir) {
  return keep(ref, reason, await exportStack(ref), stateDir);
}
async function exportStack(ref) {
  const args = ["stack", "export", "--stack", ref.stack];
  const result = await runPulumi(ref, args, SETUP_TIMEOUT_MS);
  if (result.exitCode !== 0) return { error: describePulumiFailure(ref, args, result) };
  try {
    return { text: result.stdout, holdings: readHoldings(result.stdout) };
  } catch (error) {
    return { error: error.message };
  }
}
async function keep(ref, reason, exported, stateDir) {
  const parts2 = [`stack ${ref.stack} (${ref.backendUrl}) was kept`];
  if (reason !== void 0) parts2.push(reason);
  if (exported.holdings) {
    const empty = holdsNothing(exported.holdings);
    parts2.push(empty ? "it holds nothing" : describeHoldings(exported.holdings));
  }
  if (exported.text !== void 0) {
    const file = path5.join(stateDir, `${ref.stack}.state.json`);
    try {
      await mkdir3(stateDir, { recursive: true });
      await writeFile2(file, exported.text);
      parts2.push(`its state: ${file}`);
    } catch (error) {
      parts2.push(`its state could not be written to ${file}: ${describeFileError(error)}`);
    }
  } else {
    parts2.push(`its state could not be exported: ${exported.error ?? "unknown error"}`);
  }
  return { kind: "kept", problem: parts2.join("; "), details: exported.holdings?.details ?? [] };
}
function isMissingStack(result) {
  return result.exitCode !== 0 && /no stack named .* found/i.test(result.stderr + result.stdout);
}
function isLocked(result) {
  const output = result.stderr + result.stdout;
  return result.exitCode !== 0 && /currently locked|another update is currently in progress/i.test(output);
}

// src/teardown/teardown.ts
var StacksKept = class extends BenchmarkError {
  name = "StacksKept";
};
async function runTeardown(plan, ledger, options) {
  const kept = [];
  const stateDir = plan.resultsDir;
  const timeLeft = () => options.deadline === void 0 ? plan.destroyTimeoutMs : Math.min(plan.destroyTimeoutMs, options.deadline - Date.now() - PULUMI_UPDATE_STOP.graceMs);
  const report = (ref, fate) => {
    kept.push(fate.problem);
    if (fate.details.length === 0) return;
    options.log(`Stack ${ref.stack} was kept, holding:`);
    for (const detail2 of fate.details) options.log(`  ${detail2}`);
  };
  for (const ref of [...ledger.stacks].reverse()) {
    const busy = options.busy?.find((process2) => process2.tag === ref.stack);
    if (options.stop?.aborted && options.onStop === "defer" && !busy) break;
    const timeoutMs = timeLeft();
    let fate = { kind: "stopped" };
    if (busy) {
      const reason = `${describeProcess(busy)} still runs on it`;
      fate = await keepStack(ref, reason, stateDir);
    } else if (timeoutMs <= 0) {
      fate = await keepStack(ref, "not destroyed: no time was left", stateDir);
    } else if (!options.stop?.aborted) {
      options.log(`Destroying and removing stack ${ref.stack}`);
      fate = await tearDownStack(ref, { stateDir, timeoutMs, stop: options.stop });
    }
    if (fate.kind === "stopped") {
      if (options.onStop === "defer") break;
      fate = await keepStack(ref, "not destroyed: the run was interrupted", stateDir);
    }
    if (fate.kind === "kept") report(ref, fate);
    ledger.forget(ref);
  }
  if (ledger.stacks.length > 0) return { kept, warnings: [], deferred: true };
  const warnings = [];
  if (plan.ownBackendDir !== void 0 && kept.length === 0) {
    await rm3(plan.ownBackendDir, { recursive: true, force: true });
  }
  if (plan.cleanup !== void 0) {
    if (options.stop?.aborted) {
      warnings.push(`cleanup was not run: the run was interrupted (${plan.cleanup.command})`);
    } else {
      const { command, shell, timeoutMs: cleanupTimeoutMs } = plan.cleanup;
      warnings.push(
        ...await runCleanup([{ command: { kind: "shell", script: command } }], shell, {
          logPath: join4(plan.logDir, "cleanup.log"),
          timeoutMs: cleanupTimeoutMs
        })
      );
    }
  }
  if (options.redact) warnings.push(...await redactLogs(plan.logDir, options.redact));
  await rmdir(plan.workDir).catch(() => void 0);
  return { kept, warnings, deferred: false };
}

export {
  splitWords,
  resolveStep,
  fileErrorCode,
  describeFileError,
  openLog,
  writeLogHeader,
  tailLines,
  redactLogs,
  formatTimeSpan,
  formatSampleTime,
  meanCpu,
  withoutShellCpu,
  killTrackedProcesses,
  describeProcess,
  runningProcesses,
  onRunningProcessesChange,
  interruptRunningProcesses,
  killRunningProcesses,
  waitForProcesses,
  waitForRunningProcesses,
  signalProcess,
  USER_COMMAND_STOP,
  runProcess,
  untilAborted,
  describeOutcome,
  checkProgramFolder,
  checkStackIsNew,
  phaseArgs,
  stableVersion,
  versionsBetween,
  parseReleaseIndex,
  ReleaseIndexError,
  runCaptured,
  describeFailure,
  pulumiPhaseStop,
  pulumiEnv,
  makeGroupBackends,
  initStack,
  StacksKept,
  runTeardown
};
