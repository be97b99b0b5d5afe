import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { wholeCount } from "../../../../../lib/money"
import { APPROVAL_FIELDS, approvalView, companyContext } from "../../helpers"
import type { StoreListCompanyApprovalsType } from "../../validators"

/**
 * GET /store/companies/me/approvals (approvers and admins): the company's
 * approvals, newest first, filtered by status, each with the cart's lines so
 * the approver sees what they approve, and the requester's name and e-mail.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListCompanyApprovalsType>, res: MedusaResponse) {
  const { offset, limit, status } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "company_approval",
    fields: [
      ...APPROVAL_FIELDS,
      "cart.id",
      "cart.items.id",
      "cart.items.title",
      "cart.items.variant_sku",
      "cart.items.quantity",
      "cart.items.unit_price",
    ],
    filters: { ...(status ? { status } : {}), company_id: companyContext(req).company.id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } },
  })
  const employees = await query.graph({
    entity: "company_employee",
    fields: ["id", "customer.email", "customer.first_name", "customer.last_name"],
    filters: { id: [...new Set(data.map((a) => a.requested_by as string))] },
  })
  const byId = new Map(employees.data.map((e) => [e.id, e.customer]))
  res.json({
    approvals: data.map((a) => ({
      ...approvalView(a),
      requester: byId.get(a.requested_by) ?? null,
      items: ((a.cart?.items ?? []) as Record<string, unknown>[]).map((i) => ({
        id: i.id,
        title: i.title,
        sku: i.variant_sku ?? null,
        quantity: wholeCount(i.quantity as number),
        unit_price: Number(i.unit_price),
      })),
    })),
    count: wholeCount(metadata?.count ?? data.length),
    offset,
    limit,
  })
}
