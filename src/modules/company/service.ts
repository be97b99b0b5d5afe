import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
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

  /** An approved approval whose cart changed no longer covers it: voided (compare-and-set, so once). */
  async voidStaleApproval(id: string): Promise<boolean> {
    return this.transitionApproval(id, "approved", "voided")
  }
}

export default CompanyModuleService
