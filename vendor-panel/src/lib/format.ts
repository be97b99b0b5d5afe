/**
 * Amounts come from the API as decimal strings or numbers in the currency's
 * major unit (Medusa's BigNumber serialisation). They are shown with Intl,
 * never added up here: totals are the API's.
 */
export function money(amount: unknown, currency: string | undefined | null): string {
  if (amount === null || amount === undefined || amount === "") return "–"
  const value = typeof amount === "object" && amount && "value" in amount ? (amount as { value: unknown }).value : amount
  const n = Number(value)
  if (!Number.isFinite(n)) return String(value)
  if (!currency) return n.toFixed(2)
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(n)
  } catch {
    return `${n.toFixed(2)} ${currency.toUpperCase()}`
  }
}

export const date = (v: string | null | undefined) =>
  v ? new Date(v).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "–"
export const dateTime = (v: string | null | undefined) =>
  v ? new Date(v).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }) : "–"

export const human = (s: string | null | undefined) => (s ? s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) : "–")

const STATUS_COLORS: Record<string, "green" | "orange" | "red" | "blue" | "grey" | "purple"> = {
  active: "green",
  accepted: "blue",
  pending: "orange",
  placed: "orange",
  requested: "orange",
  partially_fulfilled: "blue",
  fulfilled: "blue",
  partially_shipped: "purple",
  shipped: "purple",
  delivered: "green",
  paid: "green",
  published: "green",
  draft: "grey",
  proposed: "orange",
  rejected: "red",
  canceled: "red",
  cancelled: "red",
  failed: "red",
  suspended: "red",
  returned: "grey",
}
export const statusColor = (s: string | null | undefined) => STATUS_COLORS[s ?? ""] ?? "grey"
