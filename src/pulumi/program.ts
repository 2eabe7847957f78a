import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../core/errors'

/**
 * The absolute path of a Pulumi program folder, checked to hold `Pulumi.yaml` (or
 * `Pulumi.yml`). `input` is the input that named it: `program` or `baseline-program`.
 */
export function checkProgramFolder(folder: string, input: string): string {
  const absolute = path.resolve(folder)
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new InputError(`${input}: ${folder} is not a folder; give the folder of a Pulumi program`)
  }
  const hasProject = ['Pulumi.yaml', 'Pulumi.yml'].some(name =>
    existsSync(path.join(absolute, name))
  )
  if (!hasProject) {
    throw new InputError(
      `${input}: ${folder} holds no Pulumi.yaml; give the folder of a Pulumi program`
    )
  }
  return absolute
}
