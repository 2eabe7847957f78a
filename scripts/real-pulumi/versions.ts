/**
 * The real Pulumi CLIs the real-CLI tests run, and what each is built with. One place, so
 * the build script, the tests and the closing figures name the same versions.
 *
 * Why these (SPEC §13; versions the Go module proxy serves here, checked one by one):
 * - 3.43.1 and 3.44.2: the seed's pair. 3.44.0 fixed the thread-pool cap in
 *   `pulumi-language-python-exec`; the seed used 3.44.3, whose `pkg/v3` module the proxy
 *   refuses (403 "This module version is not available"), so 3.44.2 stands in: the same
 *   fix, and nothing between 3.44.2 and 3.44.3 touches the Python host or the engine's
 *   step scheduling.
 * - 3.137.0: after the default `--parallel` became 4 × CPUs (3.100) and SIGTERM became a
 *   graceful cancel (3.136), before the legacy-backend warning (3.228); its pinned YAML
 *   language host (pulumi-yaml v1.11.1) is served.
 * - the newest the toolchain builds: the legacy backend is an error (3.257 on).
 *
 * Language hosts: Python's lives in the `sdk/v3` module up to 3.79, so it is built for the
 * seed's pair. From 3.80 it is a module of its own
 * (`github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3`), which the proxy
 * refuses at every version (403), so newer CLIs get the YAML host the release archives also
 * ship (`pulumi-language-yaml`, from `github.com/pulumi/pulumi-yaml`).
 */
/** A version to build, and its language hosts: Python's, and the YAML host's pulumi-yaml version. */
export interface RealPulumiSpec {
  version: string
  python?: boolean
  yaml?: string
}

export const REAL_PULUMI: RealPulumiSpec[] = [
  { version: '3.43.1', python: true, yaml: 'v0.5.10' },
  { version: '3.44.2', python: true },
  { version: '3.137.0', yaml: 'v1.11.1' },
  { version: '3.277.0', yaml: 'v1.25.0' }
]

/** The seed's pair and the two later versions, by role. */
export const SEED_BASELINE = '3.43.1'
export const SEED_CANDIDATE = '3.44.2'
export const MIDDLE = '3.137.0'
export const NEWEST = '3.277.0'

/** The Python SDK in the programs' virtualenv (the thread-pool fix is in the CLI archive). */
export const PYTHON_SDK = 'pulumi==3.44.2'
/**
 * The SDK pins grpcio 1.47, which has no wheel for this Python (3.11); its generated stubs
 * run on a later grpcio with wheels, so the SDK goes in without its pins and these beside it.
 */
export const PYTHON_SDK_DEPS = [
  'grpcio==1.59.3',
  'protobuf==4.25.8',
  'dill==0.3.9',
  'six==1.16.0',
  'semver==2.13.0',
  'pyyaml==6.0.2'
]
