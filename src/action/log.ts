import * as core from '@actions/core'
import type { Redact } from '../core/redact'

/** The step's log lines and failure, with every known secret redacted first. */
export interface ActionLog {
  info: (line: string) => void
  warn: (line: string) => void
  fail: (line: string) => void
  redact: Redact
}

export function actionLog(redact: Redact): ActionLog {
  return {
    info: line => core.info(redact(line)),
    warn: line => core.warning(redact(line)),
    fail: line => core.setFailed(redact(line)),
    redact
  }
}
