import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// src/core/redact.ts
var REDACTED = "***";
function redactor(values, forms = []) {
  const plain = values.flatMap(
    (value) => value === void 0 ? [] : [value, ...value.split(/\r?\n/).map((line) => line.trim())]
  );
  const secrets = [...new Set(plain.flatMap((value) => [value, ...forms.map((form) => form(value))]))].filter((value) => value.trim() !== "").sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
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
  return name.toUpperCase().split(/[^A-Z0-9]+/).some((word) => SECRET_WORD.test(word));
}
function isTrivial(value) {
  const trimmed = value.trim();
  return trimmed.length < 4 || /^(?:true|false|yes|no|null|\d+)$/i.test(trimmed);
}
function secretSet(values, forms = []) {
  let all = [...values];
  let current = redactor(all, forms);
  return {
    redact: (text) => current(text),
    add: (more) => {
      all = [...all, ...more];
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
  knownSecrets,
  secretSet,
  redactedJson
};
