/**
 * What a stack still holds, read from `pulumi stack export` (apitype.UntypedDeployment:
 * `{"version": 3, "deployment": {resources, pending_operations}}`; both lists are left
 * out when empty, and `deployment` is null for a stack never updated).
 */
export interface StackHoldings {
  /** Resources in the state: `type name`, in state order. */
  resources: string[]
  /** Every resource and pending operation with its URN and, once created, its id. */
  details: string[]
  /** Operations in flight when Pulumi stopped: `creating name`, `deleting name`, … */
  pending: string[]
}

interface ExportedResource {
  urn?: unknown
  type?: unknown
  id?: unknown
}

/** Reads the export's text; throws an Error when it is not a stack export. */
export function readHoldings(exported: string): StackHoldings {
  let data: unknown
  try {
    data = JSON.parse(exported)
  } catch {
    throw new Error('pulumi stack export printed something that is not JSON')
  }
  if (typeof data !== 'object' || data === null || !('deployment' in data)) {
    throw new Error('pulumi stack export printed no deployment')
  }
  const deployment = data.deployment as {
    resources?: ExportedResource[]
    pending_operations?: Array<{ type?: unknown; resource?: ExportedResource }>
  } | null
  const resources = deployment?.resources ?? []
  const pending = deployment?.pending_operations ?? []
  return {
    resources: resources.map(resource => describeResource(resource)),
    pending: pending.map(
      operation => `${String(operation.type)} ${describeResource(operation.resource ?? {})}`
    ),
    details: [
      ...resources.map(resource => detail('', resource)),
      ...pending.map(operation => detail(`${String(operation.type)} `, operation.resource ?? {}))
    ]
  }
}

export function holdsNothing(holdings: Pick<StackHoldings, 'resources' | 'pending'>): boolean {
  return holdings.resources.length === 0 && holdings.pending.length === 0
}

const EXAMPLES = 3

/**
 * One phrase saying what remains, e.g. `11 resources remain (pulumi:pulumi:Stack
 * p-dev, … and 8 more) and 2 pending operations (creating sleep-001, …)`. Pending
 * creates matter most: their resources may exist, but `destroy` does not delete them.
 */
export function describeHoldings(holdings: Pick<StackHoldings, 'resources' | 'pending'>): string {
  const parts: string[] = []
  const list = (items: string[]) => {
    const shown = items.slice(0, EXAMPLES).join(', ')
    return items.length > EXAMPLES ? `${shown} and ${items.length - EXAMPLES} more` : shown
  }
  const { resources, pending } = holdings
  if (resources.length > 0) {
    parts.push(
      `${resources.length} resource${resources.length === 1 ? '' : 's'} remain${resources.length === 1 ? 's' : ''} (${list(resources)})`
    )
  }
  if (pending.length > 0) {
    parts.push(
      `${pending.length} pending operation${pending.length === 1 ? '' : 's'} (${list(pending)})`
    )
  }
  const creating = pending.some(operation => operation.startsWith('creating '))
  // A pending create's resource is not in `resources`, so no destroy deletes it.
  const warning = creating ? '; what Pulumi was creating may exist outside the state' : ''
  return `${parts.join(' and ')}${warning}`
}

/** `[creating ]urn (id x)`: what finds a resource in the cloud. */
function detail(prefix: string, resource: ExportedResource): string {
  const urn = typeof resource.urn === 'string' ? resource.urn : '?'
  const id = typeof resource.id === 'string' && resource.id !== '' ? ` (id ${resource.id})` : ''
  return `${prefix}${urn}${id}`
}

/** `type name`, the name being the last part of the URN. */
function describeResource(resource: ExportedResource): string {
  const urn = typeof resource.urn === 'string' ? resource.urn : ''
  const name = urn.slice(urn.lastIndexOf('::') + 2) || '?'
  const type = typeof resource.type === 'string' ? resource.type : 'resource'
  return `${type} ${name}`
}
