import { describe, expect, it } from 'vitest'
import {
  knownSecrets,
  looksSecret,
  redactedJson,
  redactor,
  redactStream,
  secretSet
} from '../../src/core/redact'
import { Random } from '../helpers/random'

describe('redactor', () => {
  it('replaces every known value, longest first, and each line of a multi-line one', () => {
    const redact = redactor([
      'pul-abc',
      'pul-abcdef',
      'line one\n  line two  ',
      undefined,
      '',
      '  '
    ])
    expect(redact('token pul-abcdef, then pul-abc; line two and line one')).toBe(
      'token ***, then ***; *** and ***'
    )
    expect(redact('nothing here')).toBe('nothing here')
  })

  it('replaces the other forms a secret takes, such as escaped for markdown', () => {
    const escape = (text: string) => text.replace(/_/g, '&#95;')
    const redact = redactor(['ghs_token'], [escape])
    expect(redact('as typed ghs_token, escaped ghs&#95;token')).toBe('as typed ***, escaped ***')
  })

  it('leaves text alone when no secret is known', () => {
    expect(redactor([])('pul-abc')).toBe('pul-abc')
  })

  it('knows the token, Pulumi credentials and the runner tokens that are set', () => {
    const env = {
      PULUMI_ACCESS_TOKEN: 'pul-1',
      PULUMI_CONFIG_PASSPHRASE: '',
      ACTIONS_RUNTIME_TOKEN: 'jwt'
    }
    expect(knownSecrets(env, 'ghs_1')).toEqual(['ghs_1', 'pul-1', 'jwt'])
    expect(knownSecrets({}, '')).toEqual([])
  })

  it('knows the value of every variable whose name looks secret, and the values given', () => {
    const env = {
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
      NPM_TOKEN: 'npm_abcdef',
      db_password: 'Hunter2-prod-db',
      ARM_CLIENT_SECRET: 'arm-secret-1',
      PRIVATE_KEY: '-----BEGIN KEY-----\nMIIEvQ\n-----END KEY-----',
      PWD: '/home/runner/work',
      HOME: '/home/runner',
      TOKENIZER_THREADS: '8',
      GIT_ASKPASS: 'true',
      MONKEY: 'banana-bread'
    }
    expect(knownSecrets(env, undefined, ['config-value-1']).sort()).toEqual(
      [
        'wJalrXUtnFEMI/K7MDENG',
        'npm_abcdef',
        'Hunter2-prod-db',
        'arm-secret-1',
        '-----BEGIN KEY-----\nMIIEvQ\n-----END KEY-----',
        'config-value-1'
      ].sort()
    )
  })

  it('tells names that look secret from names that do not', () => {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'GH_TOKEN', 'DB_PASS', 'SENTRY_DSN', 'api-key'])
      expect(looksSecret(name), name).toBe(true)
    // The action's own inputs and state are ours: the token and config are named apart,
    // and `comment-key` is no key.
    const ours = ['INPUT_COMMENT-KEY', 'INPUT_GITHUB-TOKEN', 'STATE_TEARDOWN_KEY']
    for (const name of ['PWD', 'OLDPWD', 'KEYBOARD', 'TOKENIZER', 'PATH', 'GITHUB_REF', ...ours])
      expect(looksSecret(name), name).toBe(false)
  })

  it('redacts every string of JSON data, also where JSON would escape it', () => {
    const redact = redactor(['s3"cret'])
    const text = redactedJson({ error: 'token s3"cret', nested: ['s3"cret'] }, redact)
    expect(text).not.toContain('s3')
    expect(JSON.parse(text)).toEqual({ error: 'token ***', nested: ['***'] })
  })
})

describe('redactStream', () => {
  const secrets = ['pul-abcdef', 'cdefgh-2', 'aaaa']
  const redact = redactor(secrets)

  it('redacts text cut anywhere as it redacts it whole', () => {
    const random = new Random(19)
    const alphabet = ['pul-abcdef', 'cdefgh-2', 'aaaa', 'a', 'pul-', 'cdef', 'x', '\r', '\n']
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 40 }, () => random.pick(alphabet)).join('')
      const stream = redactStream(redact)
      let out = ''
      for (let at = 0; at < text.length;) {
        const size = 1 + Math.floor(random.uniform() * 12)
        out += stream.push(text.slice(at, at + size))
        at += size
      }
      out += stream.end()
      expect(out, JSON.stringify(text)).toBe(redact(text))
    }
  })

  it('holds back no more than could begin a secret, newline or not', () => {
    const stream = redactStream(redact)
    const bar = '\r[####      ] 40%'.repeat(100_000)
    const out = stream.push(bar)
    expect(out.length).toBeGreaterThanOrEqual(bar.length - ('pul-abcdef'.length - 1))
    expect(out + stream.end()).toBe(bar)
  })
})

describe('secretSet', () => {
  it('learns secrets as they come, leaving counts and flags alone as knownSecrets does', () => {
    const secrets = secretSet(['ghs_token'])
    secrets.add(['Hunter2-prod', '1', 'true', '30'])
    expect(secrets.redact('ghs_token Hunter2-prod 1 true 30 3.43.1')).toBe(
      '*** *** 1 true 30 3.43.1'
    )
    expect(secrets.values).toEqual(['ghs_token', 'Hunter2-prod'])
  })
})
