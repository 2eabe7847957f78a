/**
 * The simulated cloud of fixtures/pulumi-sim: which resources really exist, whatever the
 * stack state says (it survives `stack rm`). One JSON file per resource under
 * `<backend dir>/.pulumi-sim-cloud/<project>/<stack>/<id>.json`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

export interface SimCloudResource {
  urn: string
  /** Physical id: the resource name and 7 hex digits, new for every create. */
  id: string
  type: string
  project: string
  stack: string
  createdAt: string
  createdBy: { pid: number; version: string }
}

export function simCloudDir(backendDir: string): string {
  return path.join(backendDir, '.pulumi-sim-cloud')
}

/** Every resource that exists, optionally only those of one stack, sorted by id. */
export function readSimCloud(backendDir: string, stack?: string): SimCloudResource[] {
  const dir = simCloudDir(backendDir)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.json'))
    .flatMap(entry => {
      // A destroy running meanwhile may delete a file between the listing and the read.
      const text = readIfThere(path.join(entry.parentPath, entry.name))
      return text === undefined ? [] : [JSON.parse(text) as SimCloudResource]
    })
    .filter(resource => stack === undefined || resource.stack === stack)
    .sort((a, b) => a.id.localeCompare(b.id))
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
