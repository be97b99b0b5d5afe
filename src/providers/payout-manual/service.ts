import { MedusaError } from "@medusajs/framework/utils"
import type {
  CreatePayoutAccountInput,
  IPayoutProvider,
  PayoutTransferInput,
  PayoutTransferResult,
  ProviderAccount,
} from "../../modules/payout/types"

/** ISO 13616 check: country, check digits, and mod 97 = 1 over the rearranged digits. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/\s+/g, "").toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  let rest = 0
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97
  return rest === 1
}

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/**
 * Manual payouts: the vendor's bank details are stored; a payout run marks
 * the payout processing and the operator pays it by bank transfer, then
 * marks it paid with the bank's reference.
 */
export default class ManualPayoutProvider implements IPayoutProvider {
  static identifier = "manual"

  async createAccount(input: CreatePayoutAccountInput): Promise<ProviderAccount> {
    const details = (input.details ?? {}) as Record<string, unknown>
    const holder = typeof details.account_holder === "string" ? details.account_holder.trim() : ""
    const iban = typeof details.iban === "string" ? details.iban.replace(/\s+/g, "").toUpperCase() : ""
    const bic = typeof details.bic === "string" && details.bic.trim() ? details.bic.trim().toUpperCase() : null
    const problems: string[] = []
    if (holder.length < 2) problems.push("details.account_holder is required")
    if (!isValidIban(iban)) problems.push("details.iban is not a valid IBAN")
    if (bic && !BIC.test(bic)) problems.push("details.bic is not a valid BIC")
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid bank details: ${problems.join("; ")}.`)
    return { external_id: null, status: "active", data: { account_holder: holder, iban, bic } }
  }

  async transfer(_input: PayoutTransferInput): Promise<PayoutTransferResult> {
    // Nothing moves until the operator pays and marks the payout paid.
    return { status: "processing", reference: null }
  }
}
