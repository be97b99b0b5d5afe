import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INVOICE_PAYMENT_PROVIDER, paysByInvoice } from "../../lib/invoice-terms"
import { COMPANY_MODULE } from "../../modules/company"
import type CompanyModuleService from "../../modules/company/service"

export const INVOICE_REFUSED =
  "Payment by invoice is only for employees of companies that buy on payment terms; choose another payment method."

/** Whether a customer may pay by invoice: an employee of an active company whose payment terms are not prepaid. */
export async function customerMayPayByInvoice(scope: MedusaContainer, customerId: string | null | undefined): Promise<boolean> {
  if (!customerId) return false
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const [employee] = await companies.listCompanyEmployees({ customer_id: customerId }, { relations: ["company"], take: 1 })
  const company = employee?.company
  return !!company && company.status === "active" && paysByInvoice(company.payment_terms)
}

/**
 * GET /store/payment-providers (Medusa's route): pp_invoice_invoice is
 * listed only to a signed-in employee of a company that buys on payment
 * terms (issue 19); everyone else gets the list without it (and the count
 * one lower). The route's own query stays Medusa's; this trims its answer.
 */
export async function hideInvoiceProvider(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const customerId = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
    const eligible = customerId?.actor_type === "customer" && (await customerMayPayByInvoice(req.scope, customerId.actor_id))
    if (!eligible) {
      const json = res.json.bind(res)
      res.json = ((body: any) => {
        if (body && Array.isArray(body.payment_providers)) {
          const kept = body.payment_providers.filter((p: any) => p?.id !== INVOICE_PAYMENT_PROVIDER)
          const removed = body.payment_providers.length - kept.length
          body = { ...body, payment_providers: kept, count: typeof body.count === "number" ? body.count - removed : body.count }
        }
        return json(body)
      }) as MedusaResponse["json"]
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * POST /store/payment-collections/:id/payment-sessions with provider
 * pp_invoice_invoice (Medusa's route): 400 unless the collection's cart
 * belongs to an employee of a company that buys on payment terms. The
 * checkout checks it again (with the credit limit) under its locks.
 */
export async function refuseIneligibleInvoiceSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.body ?? {}) as { provider_id?: unknown }
    if (body.provider_id !== INVOICE_PAYMENT_PROVIDER) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: req.params.id },
    })
    const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
    const { data: carts } = cartId
      ? await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: cartId } })
      : { data: [] as { customer_id?: string | null }[] }
    const customerId = carts[0]?.customer_id ?? null
    if (!(await customerMayPayByInvoice(req.scope, customerId))) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, INVOICE_REFUSED)
    next()
  } catch (e) {
    next(e)
  }
}

export const storeInvoicePaymentMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/payment-providers", method: ["GET"], middlewares: [hideInvoiceProvider] },
  { matcher: "/store/payment-collections/:id/payment-sessions", method: ["POST"], middlewares: [refuseIneligibleInvoiceSession] },
]
