import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// src/core/redact.ts
var REDACTED = "***";
function redactor(values, forms = []) {
  const plain = values.flatMap(
    (value) => value === void 0 ? [] : [value, ...value.split(/\r?\n/).map((line) => line.trim())]
  );
  const secrets = [...new Set(plain.flatMap((value) => [value, ...forms.map((form) => form(value))]))].filter((value) => value.trim() !== "").sort((a, b) => b.length - a.length);
  const redact = (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
  return Object.assign(redact, { secrets });
}
var NO_SECRETS = redactor([]);
function redactStream(redact) {
  const longest = redact.secrets[0]?.length ?? 0;
  let held = "";
  return {
    push: (piece) => {
      const text = held + piece;
      const ready = Math.min(text.length, Math.max(0, text.length - (longest - 1)));
      const cut = cleanCut(text, ready, redact.secrets);
      held = text.slice(cut);
      return redact(text.slice(0, cut));
    },
    end: () => {
      const rest = held;
      held = "";
      return redact(rest);
    }
  };
}
function cleanCut(text, at, secrets) {
  let cut = at;
  for (let moved = true; moved; ) {
    moved = false;
    for (const secret of secrets) {
      const from = Math.max(0, cut - secret.length + 1);
      const found = text.slice(from, cut + secret.length - 1).indexOf(secret);
      if (found !== -1 && from + found < cut) {
        cut = from + found;
        moved = true;
      }
    }
  }
  return cut;
}
function knownSecrets(env, token, more = []) {
  const named = Object.entries(env).filter(([name]) => looksSecret(name)).map(([, value]) => value);
  const values = [
    token,
    env.PULUMI_ACCESS_TOKEN,
    env.PULUMI_CONFIG_PASSPHRASE,
    env.ACTIONS_RUNTIME_TOKEN,
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    // Guessed at, so a flag or a count (`resources: 3`) would mask that word everywhere.
    ...[...named, ...more].filter((value) => value !== void 0 && !isTrivial(value))
  ].filter((value) => value !== void 0 && value.trim() !== "");
  return [...new Set(values)];
}
var SECRET_WORD = /^(?:SECRETS?|TOKENS?|PASSWORDS?|PASSWD|PASS|PWD|PASSPHRASE|CREDENTIALS?|CREDS|KEY|APIKEY|PRIVATEKEY|AUTH|COOKIE|SIGNATURE|SAS|DSN)$/;
function looksSecret(name) {
  if (name === "PWD" || name === "OLDPWD") return false;
  if (/^(?:INPUT|STATE)_/i.test(name)) return false;
  return name.toUpperCase().split(/[^A-Z0-9]+/).some((word) => SECRET_WORD.test(word));
}
function isTrivial(value) {
  const trimmed = value.trim();
  return trimmed.length < 4 || /^(?:true|false|yes|no|null|\d+)$/i.test(trimmed);
}
function secretSet(values, forms = []) {
  let all = [...values];
  let current = redactor(all, forms);
  const redact = Object.defineProperty((text) => current(text), "secrets", {
    get: () => current.secrets
  });
  return {
    redact,
    add: (more) => {
      all = [...all, ...more.filter((value) => !isTrivial(value))];
      current = redactor(all, forms);
    },
    get values() {
      return all;
    }
  };
}
function redactedJson(data, redact) {
  const strings = (_key, value) => typeof value === "string" ? redact(value) : value;
  return `${JSON.stringify(data, strings, 2)}
`;
}

export {
  NO_SECRETS,
  redactStream,
  knownSecrets,
  secretSet,
  redactedJson
};
