import * as core from '@actions/core'
import type { Redact } from '../core/redact'
import { inertWorkflowCommands } from '../core/workflow-commands'

/** The step's log lines and failure, with every known secret redacted first. */
export interface ActionLog {
  info: (line: string) => void
  warn: (line: string) => void
  fail: (line: string) => void
  redact: Redact
}

export function actionLog(redact: Redact): ActionLog {
  return {
    // core.info prints the line as it is; warnings and failures are escaped by core.
    info: line => core.info(inertWorkflowCommands(redact(line))),
    warn: line => core.warning(redact(line)),
    fail: line => core.setFailed(redact(line)),
    redact
  }
}
