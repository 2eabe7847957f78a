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
function knownSecrets(env, token) {
  return [
    token,
    env.PULUMI_ACCESS_TOKEN,
    env.PULUMI_CONFIG_PASSPHRASE,
    env.ACTIONS_RUNTIME_TOKEN,
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  ].filter((value) => value !== void 0 && value.trim() !== "");
}
function redactedJson(data, redact) {
  const strings = (_key, value) => typeof value === "string" ? redact(value) : value;
  return `${JSON.stringify(data, strings, 2)}
`;
}

export {
  redactor,
  knownSecrets,
  redactedJson
};
