import { run } from './action/main'
import { exitWhenFlushed } from './action/exit'

await run()
// A cancelled run leaves commands of ours running (Pulumi finishing the operations in
// flight, which the post step waits for): they must not keep this step alive.
await exitWhenFlushed()
