import { describe, expect, it } from 'vitest'
import { describeHoldings, holdsNothing, readHoldings } from '../../src/pulumi/stack/stack-state'

const urn = (name: string) => `urn:pulumi:dev::p::aws:s3/bucket:Bucket::${name}`

describe('readHoldings', () => {
  it('reads resources and pending operations of a stack export', () => {
    const exported = JSON.stringify({
      version: 3,
      deployment: {
        resources: [{ urn: urn('logs'), type: 'aws:s3/bucket:Bucket', id: 'logs-4f1a2b3' }],
        pending_operations: [
          { type: 'creating', resource: { urn: urn('data'), type: 'aws:s3/bucket:Bucket' } }
        ]
      }
    })
    expect(readHoldings(exported)).toEqual({
      resources: ['aws:s3/bucket:Bucket logs'],
      pending: ['creating aws:s3/bucket:Bucket data'],
      details: [`${urn('logs')} (id logs-4f1a2b3)`, `creating ${urn('data')}`]
    })
  })

  it('reads a stack never updated, and one whose lists were left out, as holding nothing', () => {
    for (const deployment of [null, { manifest: {} }]) {
      const holdings = readHoldings(JSON.stringify({ version: 3, deployment }))
      expect(holdsNothing(holdings)).toBe(true)
    }
  })

  it('refuses output that is not a stack export', () => {
    expect(() => readHoldings('warning: something\n')).toThrow(/not JSON/)
    expect(() => readHoldings('{"version": 3}')).toThrow(/no deployment/)
  })
})

describe('describeHoldings', () => {
  it('names a few of each, counts the rest, and warns about pending creates', () => {
    expect(
      describeHoldings({
        resources: ['t a', 't b', 't c', 't d', 't e'],
        pending: ['creating t f', 'deleting t g']
      })
    ).toBe(
      '5 resources remain (t a, t b, t c and 2 more) and 2 pending operations (creating t f, deleting t g); what Pulumi was creating may exist outside the state'
    )
    expect(describeHoldings({ resources: ['t a'], pending: [] })).toBe('1 resource remains (t a)')
    expect(describeHoldings({ resources: [], pending: ['deleting t g'] })).toBe(
      '1 pending operation (deleting t g)'
    )
  })
})
