import packageJson from '../../package.json' with { type: 'json' }

/** The tool's own version, recorded in every results file. */
export const TOOL_VERSION: string = packageJson.version
