import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { projectName } from '../program'

/**
 * The stack a user has selected for a program, which `pulumi stack init` changes to the
 * new stack before 3.256 (sdk/go/common/workspace/workspace.go: the file
 * `<PULUMI_HOME>/workspaces/<project>-<sha1 of Pulumi.yaml's path>-workspace.json`).
 * A benchmark on the user's own program must leave their selection as it was, so the
 * project's workspace files are read before our `stack init` and put back after it.
 * Every file of the project is kept, not the one hash: the path Pulumi hashes is the
 * one it sees (symbolic links resolved or not), which we need not guess.
 */
export interface SelectedStacks {
  /** Puts the project's workspace files back as they were: rewritten, or removed if new. */
  restore(): Promise<void>
}

const SUFFIX = '-workspace.json'

export async function saveSelectedStacks(
  programDir: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<SelectedStacks> {
  const project = projectName(programDir)
  const folder = path.join(env['PULUMI_HOME'] || path.join(homedir(), '.pulumi'), 'workspaces')
  const ours = (name: string) =>
    project !== undefined && name.startsWith(`${project}-`) && name.endsWith(SUFFIX)
  const before = await readFiles(folder, ours)
  return {
    async restore() {
      const after = await readFiles(folder, ours)
      for (const [name, content] of after) {
        const was = before.get(name)
        if (was === undefined) await rm(path.join(folder, name), { force: true })
        else if (was !== content) await writeFile(path.join(folder, name), was)
      }
      // Pulumi removes a workspace file whose settings became empty.
      for (const [name, content] of before) {
        if (after.has(name)) continue
        await mkdir(folder, { recursive: true })
        await writeFile(path.join(folder, name), content)
      }
    }
  }
}

async function readFiles(folder: string, which: (name: string) => boolean) {
  const files = new Map<string, string>()
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return files // no workspaces yet
  }
  for (const name of names.filter(which)) {
    try {
      files.set(name, await readFile(path.join(folder, name), 'utf8'))
    } catch {
      // Removed meanwhile.
    }
  }
  return files
}
