import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The new company's id, chosen first so its customer group can name it (a step, so the id is stored with the run). */
export const newCompanyIdStep = createStep("new-company-id", async () => new StepResponse(generateEntityId(undefined, "comp")))
