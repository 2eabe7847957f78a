/**
 * The environment of every process the tool starts (benchmark, `prepare` and `cleanup`
 * commands, every `pulumi` call): the step's own, without what belongs to the action
 * itself (docs/security.md). The commands are the pull request's code; they keep what
 * they may need (PATH, their own credentials such as PULUMI_ACCESS_TOKEN, the runner's
 * GITHUB_* context) and lose:
 *
 * - `INPUT_*`: the action's inputs, among them `github-token`;
 * - `STATE_*`: what the main step saved for the post step;
 * - the runner's credentials for its own services (actions/runner's
 *   NodeScriptActionHandler sets them for node actions only): the runtime token and
 *   URL, the OIDC token request token and URL, the cache and results service URLs;
 * - the step's file commands (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_STEP_SUMMARY`,
 *   `GITHUB_ENV`, `GITHUB_PATH`): through them a command could set this step's outputs
 *   (the verdict), the stacks the post step destroys, or the environment of later steps.
 */
const WITHHELD_PREFIXES = ['INPUT_', 'STATE_']
const WITHHELD = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_ENV',
  'GITHUB_PATH'
])

/** `base` without the action's own variables, with `extra` on top. Pure. */
export function childEnv(
  base: NodeJS.ProcessEnv,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const kept = Object.entries(base).filter(([name]) => {
    // Windows names are case-insensitive.
    const upper = name.toUpperCase()
    return !WITHHELD.has(upper) && !WITHHELD_PREFIXES.some(prefix => upper.startsWith(prefix))
  })
  return { ...Object.fromEntries(kept), ...extra }
}
