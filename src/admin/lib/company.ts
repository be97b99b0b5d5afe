/** Payment terms as the operator reads them (the API's values: prepaid, net_15, net_30, net_60). */
export const PAYMENT_TERMS_LABEL: Record<string, string> = { prepaid: "Prepaid", net_15: "Net 15", net_30: "Net 30", net_60: "Net 60" }

export const ROLE_LABEL: Record<string, string> = { admin: "Admin", approver: "Approver", buyer: "Buyer" }

/** A customer's name, or their e-mail when they gave none. */
export function personName(c: { first_name?: string | null; last_name?: string | null; email?: string | null } | null | undefined): string {
  if (!c) return "–"
  return [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || "–"
}

/** An employee's spending limit: "€500.00 per month", or "No limit". */
export function limitLabel(limit: number | null, period: string | null, format: (amount: number) => string): string {
  if (limit === null || limit === undefined) return "No limit"
  return `${format(limit)} ${period === "order" ? "per order" : period === "week" ? "per week" : "per month"}`
}
