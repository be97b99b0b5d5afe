import { AsyncLocalStorage } from "node:async_hooks"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import { workflowDuration, workflowFailures, workflowStepFailures } from "./index"

type Run = { failed: boolean }
const currentRun = new AsyncLocalStorage<Run>()
let installed = false

type TraceTransaction = NonNullable<typeof TransactionOrchestrator.traceTransaction>
type TraceStep = NonNullable<typeof TransactionOrchestrator.traceStep>

/**
 * Workflow metrics through the hooks Medusa's orchestrator offers for
 * tracing (`TransactionOrchestrator.traceTransaction`/`traceStep`, the ones
 * `registerOtel` uses): duration per workflow and outcome, failed runs and
 * failing steps. Whatever was hooked before (OpenTelemetry's spans) still
 * runs inside. Idempotent; call it after `registerOtel`.
 *
 * Medusa traces only runs without async steps (their synchronous part is the
 * whole run), which is every Lilium workflow.
 */
export function instrumentWorkflowMetrics(): void {
  if (installed) return
  installed = true
  const previousTransaction = TransactionOrchestrator.traceTransaction as TraceTransaction | undefined
  const previousStep = TransactionOrchestrator.traceStep as TraceStep | undefined

  const traceTransaction: TraceTransaction = async (resume, metadata) => {
    const run: Run = { failed: false }
    const stop = process.hrtime.bigint()
    const workflow = String(metadata.model_id)
    try {
      return await currentRun.run(run, () => (previousTransaction ? previousTransaction(resume, metadata) : resume()))
    } catch (e) {
      run.failed = true
      throw e
    } finally {
      const seconds = Number(process.hrtime.bigint() - stop) / 1e9
      workflowDuration.observe({ workflow, outcome: run.failed ? "failed" : "succeeded" }, seconds)
      if (run.failed) workflowFailures.inc({ workflow })
    }
  }

  const traceStep: TraceStep = async (handler, metadata) => {
    try {
      return await (previousStep ? previousStep(handler, metadata) : handler())
    } catch (e) {
      const run = currentRun.getStore()
      if (run && metadata.type === "invoke") run.failed = true
      workflowStepFailures.inc({ step: String(metadata.action), type: String(metadata.type) })
      throw e
    }
  }

  TransactionOrchestrator.traceTransaction = traceTransaction
  TransactionOrchestrator.traceStep = traceStep
}
