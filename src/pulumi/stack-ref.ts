/** Everything needed to reach a stack again, also from another process (the post step). */
export interface StackRef {
  /** Absolute path of the `pulumi` binary that works on the stack. */
  binary: string
  /** Absolute path of the program folder (holds Pulumi.yaml). */
  programDir: string
  stack: string
  backendUrl: string
}
