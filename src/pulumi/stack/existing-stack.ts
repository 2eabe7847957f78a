import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { InputError } from '../../core/errors/errors'
import { projectName } from '../program'

/**
 * Refuses a stack name that is taken before anything is downloaded or created:
 * pulumi-perf-gate destroys and removes only stacks it created itself
 * (docs/cancellation.md). Taken means a settings file `Pulumi.<stack>.yaml` in the
 * program folder (`stack rm` would delete it), or, on a `file://` backend, the stack's
 * checkpoint on disk. Other backends cannot be asked without the CLI: there `stack init`
 * failing with "already exists" is the same error (initStack). `backendUrl` undefined:
 * the run makes a fresh backend of its own.
 */
export function checkStackIsNew(
  target: { programDir: string; stack: string; backendUrl: string | undefined },
  input: string
): void {
  const { programDir, stack, backendUrl } = target
  // No backend yet: the run makes a fresh one of its own.
  const folder = backendUrl === undefined ? undefined : localBackendFolder(backendUrl)
  if (backendUrl !== undefined && folder !== undefined) {
    const project = projectName(programDir)
    const found = checkpointPaths(folder, project, stack).find(file => existsSync(file))
    if (found !== undefined) throw stackExists(input, stack, backendUrl)
  }
  for (const name of [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`]) {
    if (existsSync(path.join(programDir, name))) {
      throw new InputError(
        `${input}: the settings of a stack ${stack} already exist (${path.join(programDir, name)}); ${CHOOSE}`
      )
    }
  }
}

const CHOOSE =
  'pulumi-perf-gate only destroys stacks it creates: choose another stack-prefix, or leave it unset for a unique one'

export function stackExists(input: string, stack: string, backendUrl: string): InputError {
  return new InputError(`${input}: stack ${stack} already exists in ${backendUrl}; ${CHOOSE}`)
}

/**
 * The folder of a `file://` backend (`file:///abs`, `file://~/x`, `file://C:/x`, with
 * query options dropped); undefined for any other backend.
 */
export function localBackendFolder(backendUrl: string): string | undefined {
  if (!backendUrl.startsWith('file://')) return undefined
  let folder = decodeURIComponent(backendUrl.slice('file://'.length).split('?')[0] ?? '')
  if (folder === '~' || folder.startsWith('~/')) folder = path.join(homedir(), folder.slice(1))
  return path.resolve(folder)
}

/**
 * Where a DIY backend keeps a stack's checkpoint (pkg/backend/diy/store.go and
 * state.go stackPath): `.pulumi/stacks/<project>/<stack>.json` in the project layout,
 * `.pulumi/stacks/<stack>.json` in the legacy one, each maybe `.gz` or `.zst`.
 */
function checkpointPaths(folder: string, project: string | undefined, stack: string): string[] {
  const stacks = path.join(folder, '.pulumi', 'stacks')
  const bases = [path.join(stacks, stack)]
  if (project !== undefined) bases.push(path.join(stacks, project, stack))
  return bases.flatMap(base => ['.json', '.json.gz', '.json.zst'].map(ext => base + ext))
}
