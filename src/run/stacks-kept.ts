import { BenchmarkError } from '../core/errors'

/**
 * Some stacks could not be destroyed and removed: the run fails, one line naming each
 * and what it holds, whatever else happened (docs/cancellation.md).
 */
export class StacksKept extends BenchmarkError {
  override name = 'StacksKept'
}
