import { DEFAULT_DOWNLOAD_URL } from '../pulumi/install/releases'

/**
 * Every input of the action, named once. action.yml, the CLI's flags and the README
 * tables follow this list (a test keeps them in step).
 */
export enum Input {
  Name = 'name',
  Mode = 'mode',
  Program = 'program',
  BaselineProgram = 'baseline-program',
  BaselineVersion = 'baseline-version',
  CandidateVersion = 'candidate-version',
  BaselineCommand = 'baseline-command',
  CandidateCommand = 'candidate-command',
  CandidateCommands = 'candidate-commands',
  Good = 'good',
  Bad = 'bad',
  Versions = 'versions',
  Prepare = 'prepare',
  Cleanup = 'cleanup',
  Shell = 'shell',
  Parallel = 'parallel',
  Config = 'config',
  StackPrefix = 'stack-prefix',
  BackendUrl = 'backend-url',
  PulumiDownloadUrl = 'pulumi-download-url',
  Samples = 'samples',
  Looks = 'looks',
  Warmup = 'warmup',
  Timeout = 'timeout',
  Alpha = 'alpha',
  Threshold = 'threshold',
  FamilySize = 'family-size',
  Phases = 'phases',
  Detrend = 'detrend',
  Statistic = 'statistic',
  FailOn = 'fail-on',
  Comment = 'comment',
  CommentKey = 'comment-key',
  CommentLogs = 'comment-logs',
  GithubToken = 'github-token',
  PullRequest = 'pull-request',
  Results = 'results',
  ResultsFile = 'results-file'
}

/** The inputs only `bisect` reads (docs/bisect.md). */
export const BISECT_INPUTS: readonly Input[] = [Input.Good, Input.Bad, Input.Versions]

/**
 * Defaults that action.yml states as `default:`. Inputs whose default depends on
 * whether the user set them (program, candidate-version, name, …) are absent here
 * and get their default in code.
 */
export const INPUT_DEFAULTS: Partial<Record<Input, string>> = {
  [Input.Mode]: 'run',
  [Input.Shell]: 'bash',
  [Input.PulumiDownloadUrl]: DEFAULT_DOWNLOAD_URL,
  [Input.Samples]: '20',
  [Input.Looks]: '10',
  [Input.Warmup]: '1',
  [Input.Timeout]: '30',
  [Input.Alpha]: '0.05',
  [Input.Threshold]: '5%',
  [Input.FamilySize]: '1',
  [Input.Phases]: 'up',
  [Input.Detrend]: 'false',
  [Input.Statistic]: 'mean',
  [Input.FailOn]: 'regression',
  [Input.Comment]: 'always',
  [Input.CommentLogs]: 'false',
  // Expanded by the runner; a matrix leg's index and count tell the legs apart.
  [Input.CommentKey]:
    '${{ github.workflow }}/${{ github.job }}/${{ strategy.job-index }}/${{ strategy.job-total }}',
  [Input.GithubToken]: '${{ github.token }}'
}

/** Raw input values as the user gave them; absent or empty means "not set". */
export type RawInputs = Partial<Record<Input, string>>

/** The outputs of the action (action.yml). */
export enum Output {
  Verdict = 'verdict',
  Verdicts = 'verdicts',
  Ratio = 'ratio',
  PValue = 'p-value',
  BaselineMean = 'baseline-mean',
  CandidateMean = 'candidate-mean',
  Samples = 'samples',
  ResultsFile = 'results-file',
  CommentUrl = 'comment-url',
  LastFast = 'last-fast',
  FirstSlow = 'first-slow'
}

/** The outputs only `bisect` mode sets; `run` sets every other. */
export const BISECT_OUTPUTS: readonly Output[] = [Output.LastFast, Output.FirstSlow]

/** What the main step saves (`core.saveState`) for the post step to read. */
export enum State {
  /** The stacks the run created and has not removed or reported yet (StackLedger). */
  Stacks = 'stacks',
  /** The rest of the teardown: backend, cleanup, results folder (TeardownPlan); '' once done. */
  Teardown = 'teardown',
  /** Commands of ours still running (RunningProcess[]): the post step waits for them. */
  Processes = 'processes',
  /** When the main step received the cancel (Date.now() time): the post step's budget counts from it. */
  CancelledAt = 'cancelled-at'
}
