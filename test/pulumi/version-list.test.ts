import { describe, expect, it } from 'vitest'
import { versionList } from '../../src/pulumi/versions/version-list'

describe('versionList: the candidates of candidate-version', () => {
  it.each([
    ['3.44.3', ['3.44.3']],
    ['3.201.0, 3.202.0 3.203.0', ['3.201.0', '3.202.0', '3.203.0']],
    ['3.201.0\n3.202.0\n', ['3.201.0', '3.202.0']],
    ['latest installed v3.100.0', ['latest', 'installed', 'v3.100.0']],
    ['./bin/pulumi, 3.202.0', ['./bin/pulumi', '3.202.0']]
  ])('reads %j as %j', (value, expected) => {
    expect(versionList(value)).toEqual(expected)
  })

  it('keeps one path with a space in it whole, as before lists', () => {
    expect(versionList('/opt/my tools/pulumi')).toEqual(['/opt/my tools/pulumi'])
  })
})
