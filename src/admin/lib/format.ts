/** Money as the admin shows it: the currency's symbol and precision, in the browser's locale. */
export function money(amount: number | string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !currency) return "–"
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(Number(amount))
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

export function date(value: string | Date | null | undefined): string {
  if (!value) return "–"
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value))
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "–"
  return `${(value * 100).toFixed(digits)}%`
}

/** Colours of @medusajs/ui StatusBadge per status. */
export function statusColor(status: string): "green" | "orange" | "red" | "grey" | "blue" | "purple" {
  switch (status) {
    case "active":
    case "paid":
    case "delivered":
    case "completed":
      return "green"
    case "pending":
    case "processing":
    case "running":
      return "orange"
    case "accepted":
    case "fulfilled":
    case "shipped":
      return "blue"
    case "rejected":
    case "failed":
    case "canceled":
    case "suspended":
      return "red"
    default:
      return "grey"
  }
}
