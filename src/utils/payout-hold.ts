import { minPayoutAmount, payoutHoldDays } from "../options"

/** Days after delivery before a vendor's earnings are available: option payoutHoldDays, env MARKETPLACE_PAYOUT_HOLD_DAYS, default 7 (src/options.ts). */
export { payoutHoldDays }

/** When money of a vendor order delivered at `deliveredAt` becomes available. */
export function availableAfterDelivery(deliveredAt: Date | string): Date {
  return new Date(new Date(deliveredAt).getTime() + payoutHoldDays() * 86_400_000)
}

/** The smallest available balance a payout run pays out: option minPayout, env MARKETPLACE_MIN_PAYOUT, default 0. */
export function minPayout(): string {
  return minPayoutAmount()
}
