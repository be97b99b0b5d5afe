import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { stateConflict } from "../../lib/errors/state-conflict"
import { Company } from "./models/company"
import { CompanyEmployee, type CompanyRole, type SpendingPeriod } from "./models/company-employee"
import { CompanyInvite } from "./models/company-invite"
import { CompanyAddress } from "./models/company-address"
import { CompanyApproval, type ApprovalStatus } from "./models/company-approval"
import { CompanyApprovalSettings } from "./models/company-approval-settings"
import { CompanyOrder } from "./models/company-order"

export const LAST_ADMIN_MESSAGE = "The last admin of a company cannot be removed or demoted; make another employee admin first."

export type EmployeeChange = { role?: CompanyRole; spending_limit?: number | null; spending_period?: SpendingPeriod | null }

/** Buying companies, their employees and invites. Writes go through src/workflows/company. */
class CompanyModuleService extends MedusaService({
  Company,
  CompanyEmployee,
  CompanyInvite,
  CompanyOrder,
  CompanyApproval,
  CompanyApprovalSettings,
  CompanyAddress,
}) {
  /**
   * Changes (or, with "remove", soft-deletes) an employee of a company so that
   * the company keeps an admin: the company row is locked (SELECT … FOR
   * UPDATE) for the count and the write, so two admins demoting or removing
   * each other at the same moment cannot both succeed (the second sees the
   * first's change and gets 409). 404 when the employee is not the company's.
   * Returns the employee as it was before.
   */
  @InjectTransactionManager()
  async changeEmployeeKeepingAnAdmin(
    companyId: string,
    employeeId: string,
    change: EmployeeChange | "remove",
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select id from company where id = ? for update`, [companyId])
    const [employee] = await this.listCompanyEmployees({ id: employeeId, company_id: companyId }, { take: 1 }, sharedContext)
    if (!employee) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Employee with id: ${employeeId} was not found`)
    const leavesAdmin = employee.role === "admin" && (change === "remove" || (change.role !== undefined && change.role !== "admin"))
    if (leavesAdmin) {
      const admins = await this.listCompanyEmployees({ company_id: companyId, role: "admin" }, { select: ["id"] }, sharedContext)
      if (admins.length <= 1) throw stateConflict(LAST_ADMIN_MESSAGE)
    }
    if (change === "remove") await this.softDeleteCompanyEmployees([employeeId], {}, sharedContext)
    else await this.updateCompanyEmployees({ id: employeeId, ...change }, sharedContext)
    return employee
  }

  /**
   * Moves an approval from one status to another by compare-and-set: the row
   * changes only if it still has `from`, so two approvers deciding at once, or
   * a decision racing a void, give one winner. Returns whether it changed.
   */
  @InjectTransactionManager()
  async transitionApproval(
    id: string,
    from: ApprovalStatus,
    to: ApprovalStatus,
    decision: { decided_by?: string; note?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const decided = decision.decided_by !== undefined
    const rows: unknown[] = await manager.execute(
      `update company_approval
          set status = ?, updated_at = now(),
              decided_by = case when ? then ? else decided_by end,
              decided_at = case when ? then now() else decided_at end,
              note = case when ? then ? else note end
        where id = ? and status = ? and deleted_at is null
        returning id`,
      [to, decided, decision.decided_by ?? null, decided, decided, decision.note ?? null, id, from]
    )
    return rows.length === 1
  }

  /**
   * Creates (id null) or changes a company address so that the company keeps
   * at most one default shipping and one default billing address: under a
   * lock on the company row, a new default takes the flag from the old one in
   * the same transaction. 404 when the address is not the company's.
   */
  @InjectTransactionManager()
  async saveCompanyAddress(
    companyId: string,
    id: string | null,
    data: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select id from company where id = ? for update`, [companyId])
    if (id) {
      const [found] = await this.listCompanyAddresses({ id, company_id: companyId }, { select: ["id"], take: 1 }, sharedContext)
      if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Address with id: ${id} was not found`)
    }
    // In SQL, now: the ORM would flush the new default's insert before the old one's update and meet the unique index.
    for (const flag of ["is_default_shipping", "is_default_billing"] as const) {
      if (data[flag] !== true) continue
      await manager.execute(
        `update company_address set ${flag} = false, updated_at = now()
          where company_id = ? and ${flag} and id <> ? and deleted_at is null`,
        [companyId, id ?? ""]
      )
    }
    if (id) return this.updateCompanyAddresses({ id, ...data }, sharedContext)
    return this.createCompanyAddresses({ ...data, company_id: companyId } as never, sharedContext)
  }

  /**
   * Withdraws an invite that nobody accepted yet (soft delete by
   * compare-and-set on accepted_at, so a revoke racing an accept gives one
   * winner). Returns whether it was withdrawn.
   */
  @InjectTransactionManager()
  async revokeOpenInvite(companyId: string, id: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: unknown[] = await manager.execute(
      `update company_invite set deleted_at = now(), updated_at = now()
        where id = ? and company_id = ? and accepted_at is null and deleted_at is null
        returning id`,
      [id, companyId]
    )
    return rows.length === 1
  }

  /**
   * A credit on an open invoice (a refund made before the company paid: no
   * money was paid, so none is refunded; issue 19): under a row lock,
   * amount_credited += amount and amount_due = max(total − credited, 0); an
   * invoice with nothing left to pay becomes `void`. `amount` < 0 takes a
   * credit back (the compensation of a failed refund flow; a voided invoice
   * opens again). Returns the invoice after the change, or null when the
   * order has no open (or, for a negative amount, open or void) invoice.
   */
  @InjectTransactionManager()
  async creditInvoice(orderId: string, amount: BigNumberInput, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const back = MathBN.lt(amount, 0)
    const [row]: { id: string; total: string; credited: string | null }[] = await manager.execute(
      `select id, raw_total->>'value' as total, raw_amount_credited->>'value' as credited
         from company_order
        where order_id = ? and deleted_at is null and invoice_status in (${back ? "'open', 'void'" : "'open'"})
        for update`,
      [orderId]
    )
    if (!row) return null
    const credited = MathBN.max(MathBN.add(row.credited ?? 0, amount), 0)
    const due = MathBN.max(MathBN.sub(row.total, credited), 0)
    const status = MathBN.eq(due, 0) ? "void" : "open"
    await manager.execute(
      `update company_order
          set amount_credited = ?::numeric, raw_amount_credited = jsonb_build_object('value', ?::text, 'precision', 20),
              amount_due = ?::numeric, raw_amount_due = jsonb_build_object('value', ?::text, 'precision', 20),
              invoice_status = ?, updated_at = now()
        where id = ?`,
      [credited.toFixed(), credited.toFixed(), due.toFixed(), due.toFixed(), status, row.id]
    )
    return { id: row.id, amount_due: due.toFixed(), amount_credited: credited.toFixed(), invoice_status: status }
  }

  /**
   * Marks an open invoice paid by compare-and-set (`open` → `paid`), so two
   * operators marking it at once give one winner. Returns the invoice's id
   * and amount due, or null when the order has no open invoice.
   */
  @InjectTransactionManager()
  async markInvoicePaid(
    orderId: string,
    payment: { reference: string; paid_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; amount_due: string } | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: { id: string; amount_due: string }[] = await manager.execute(
      `update company_order set invoice_status = 'paid', paid_at = ?, payment_reference = ?, updated_at = now()
        where order_id = ? and invoice_status = 'open' and deleted_at is null
        returning id, raw_amount_due->>'value' as amount_due`,
      [payment.paid_at, payment.reference, orderId]
    )
    return rows[0] ?? null
  }

  /** The compensation of markInvoicePaid: paid → open again (compare-and-set), reference and paid_at cleared. */
  @InjectTransactionManager()
  async reopenInvoice(orderId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `update company_order set invoice_status = 'open', paid_at = null, payment_reference = null, updated_at = now()
        where order_id = ? and invoice_status = 'paid' and deleted_at is null`,
      [orderId]
    )
  }

  /**
   * Claims the reminder of an overdue invoice by compare-and-set on
   * reminded_at: only an open invoice, due before `now`, not reminded since
   * `notSince`. Two workers running the reminder job at once cannot both
   * claim (and send) it. Returns whether this call claimed it.
   */
  @InjectTransactionManager()
  async claimInvoiceReminder(id: string, now: Date, notSince: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: unknown[] = await manager.execute(
      `update company_order set reminded_at = ?, updated_at = now()
        where id = ? and invoice_status = 'open' and payment_due_at < ? and deleted_at is null
          and (reminded_at is null or reminded_at <= ?)
        returning id`,
      [now, id, now, notSince]
    )
    return rows.length === 1
  }

  /**
   * What a company owes on open invoices in one currency: the sum of their
   * amounts due (totals net of credits). The checkout's credit-limit check
   * reads it under the company's invoice checkout lock.
   */
  @InjectManager()
  async openInvoiceExposure(companyId: string, currencyCode: string, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row]: { due: string | null }[] = await manager.execute(
      `select sum((raw_amount_due->>'value')::numeric)::text as due from company_order
        where company_id = ? and currency_code = ? and invoice_status = 'open' and deleted_at is null`,
      [companyId, currencyCode]
    )
    return MathBN.convert(row?.due ?? 0).toFixed()
  }

  /**
   * The operator's receivables per currency: open invoices (count and sum of
   * amounts due) and, among them, the overdue ones (due before `now`).
   */
  @InjectManager()
  async invoiceReceivables(now: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { currency_code: string; open_count: number; open_amount: string; overdue_count: number; overdue_amount: string }[] =
      await manager.execute(
        `select currency_code,
                count(*)::int as open_count,
                coalesce(sum((raw_amount_due->>'value')::numeric), 0)::text as open_amount,
                (count(*) filter (where payment_due_at < ?))::int as overdue_count,
                coalesce(sum((raw_amount_due->>'value')::numeric) filter (where payment_due_at < ?), 0)::text as overdue_amount
           from company_order
          where invoice_status = 'open' and deleted_at is null
          group by currency_code
          order by currency_code`,
        [now, now]
      )
    return rows
  }

  /** An approved approval whose cart changed no longer covers it: voided (compare-and-set, so once). */
  async voidStaleApproval(id: string): Promise<boolean> {
    return this.transitionApproval(id, "approved", "voided")
  }
}

export default CompanyModuleService
