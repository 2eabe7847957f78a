import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/bench/words.ts
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

// src/core/file-errors.ts
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

export {
  splitWords,
  fileErrorCode,
  describeFileError
};
