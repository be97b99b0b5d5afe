/** MARKETPLACE_PAYOUT_HOLD_DAYS (default 7): days after delivery before a vendor's earnings are available. */
export function payoutHoldDays(): number {
  const days = Number(process.env.MARKETPLACE_PAYOUT_HOLD_DAYS ?? 7)
  return Number.isFinite(days) && days >= 0 ? days : 7
}

/** When money of a vendor order delivered at `deliveredAt` becomes available. */
export function availableAfterDelivery(deliveredAt: Date | string): Date {
  return new Date(new Date(deliveredAt).getTime() + payoutHoldDays() * 86_400_000)
}

/** MARKETPLACE_MIN_PAYOUT (default 0): the smallest available balance a payout run pays out. */
export function minPayout(): string {
  const min = Number(process.env.MARKETPLACE_MIN_PAYOUT ?? 0)
  return Number.isFinite(min) && min >= 0 ? String(process.env.MARKETPLACE_MIN_PAYOUT ?? 0) : "0"
}
