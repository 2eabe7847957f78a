/**
 * A stand-in for `@actions/core`, as the typescript-action template uses one: the
 * action layer's modules are tested without a runner by mocking the module with this
 * (`vi.mock('@actions/core', () => fakeCore)`), giving inputs and saved state, and
 * reading back what the step said, set and saved.
 */
export interface FakeCoreRecord {
  inputs: Record<string, string>
  state: Record<string, string>
  outputs: Record<string, unknown>
  saved: Record<string, unknown>
  secrets: string[]
  info: string[]
  warnings: string[]
  failed: string[]
  summary: string[]
}

export const record: FakeCoreRecord = emptyRecord()

function emptyRecord(): FakeCoreRecord {
  return {
    inputs: {},
    state: {},
    outputs: {},
    saved: {},
    secrets: [],
    info: [],
    warnings: [],
    failed: [],
    summary: []
  }
}

/** Clears everything recorded and sets the inputs and state the next step sees. */
export function resetFakeCore(
  given: { inputs?: Record<string, string>; state?: Record<string, string> } = {}
): void {
  Object.assign(record, emptyRecord(), { inputs: { ...given.inputs }, state: { ...given.state } })
}

const text = (message: string | Error): string =>
  message instanceof Error ? message.message : message

let pendingSummary = ''
const summary = {
  addRaw(content: string, addEol = false) {
    pendingSummary += addEol ? `${content}\n` : content
    return summary
  },
  write() {
    record.summary.push(pendingSummary)
    pendingSummary = ''
    return Promise.resolve(summary)
  },
  emptyBuffer() {
    pendingSummary = ''
    return summary
  }
}

export const fakeCore = {
  getInput: (name: string) => record.inputs[name] ?? '',
  getState: (name: string) => record.state[name] ?? '',
  setOutput: (name: string, value: unknown) => {
    record.outputs[name] = value
  },
  saveState: (name: string, value: unknown) => {
    record.saved[name] = value
  },
  setSecret: (secret: string) => {
    record.secrets.push(secret)
  },
  info: (message: string) => {
    record.info.push(message)
  },
  debug: () => {},
  warning: (message: string | Error) => {
    record.warnings.push(text(message))
  },
  setFailed: (message: string | Error) => {
    record.failed.push(text(message))
  },
  summary
}
