import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../core/errors/errors'

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

/** The `name:` of the program's Pulumi.yaml; undefined when it cannot be read. */
export function projectName(programDir: string): string | undefined {
  for (const file of ['Pulumi.yaml', 'Pulumi.yml']) {
    try {
      const text = readFileSync(path.join(programDir, file), 'utf8')
      const match = /^name:[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)
      if (match?.[1]) return match[1]
    } catch {
      // Not this spelling; checkProgramFolder has made sure one exists.
    }
  }
  return undefined
}
