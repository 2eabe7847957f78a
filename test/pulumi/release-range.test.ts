import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import {
  compareVersions,
  parseReleaseIndex,
  ReleaseIndexError,
  versionsBetween
} from '../../src/pulumi/versions/release-range'

describe('release range', () => {
  it('reads pulumi/pulumi tags: stable versions only, without the v', () => {
    const refs = [
      { ref: 'refs/tags/v3.99.0' },
      { ref: 'refs/tags/v3.100.0' },
      { ref: 'refs/tags/v3.101.0-alpha.1' },
      { ref: 'refs/tags/v3.101.0' },
      { ref: 'refs/tags/vnext' },
      { ref: 'refs/heads/v3.102.0' },
      { object: {} }
    ]
    expect(parseReleaseIndex(JSON.stringify(refs), 'github-tags')).toEqual([
      '3.99.0',
      '3.100.0',
      '3.101.0'
    ])
    expect(() => parseReleaseIndex('<html>', 'github-tags')).toThrow(ReleaseIndexError)
    expect(() => parseReleaseIndex('{"message":"Not Found"}', 'github-tags')).toThrow(
      ReleaseIndexError
    )
  })

  it("reads a mirror's list, one version a line, in any order", () => {
    expect(parseReleaseIndex('v3.2.0\r\n3.10.0\n\n3.2.0\nlatest\n', 'lines')).toEqual([
      '3.2.0',
      '3.10.0'
    ])
  })

  it('orders by number and keeps the ends and what lies between them', () => {
    expect(['3.100.0', '3.99.1', '3.99.0'].sort(compareVersions)).toEqual([
      '3.99.0',
      '3.99.1',
      '3.100.0'
    ])
    const released = ['3.180.0', '3.182.0', '3.181.0', '3.183.1', '3.184.0', '3.179.0']
    expect(versionsBetween(released, '3.181.0', '3.183.1', 'the index')).toEqual([
      '3.181.0',
      '3.182.0',
      '3.183.1'
    ])
  })

  it('names the input of an end the index does not list, and good after bad', () => {
    const released = ['3.181.0', '3.182.0']
    expect(() => versionsBetween(released, '3.181.0', '3.190.0', 'URL')).toThrow(
      /^bad: 3\.190\.0 is not a released Pulumi version according to URL/
    )
    expect(() => versionsBetween(released, '3.182.0', '3.181.0', 'URL')).toThrow(InputError)
  })
})
