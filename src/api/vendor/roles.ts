/**
 * Who may do what on /vendor/*: reads are open to every member; writes need
 * one of these roles. Orders and money get their own sets.
 */
export const MANAGERS = ["owner", "admin"] as const
export const CATALOG = ["owner", "admin", "catalog"] as const
// Orders carry buyers' personal data: the catalog role does not see them.
export const ORDER_READERS = ["owner", "admin", "orders", "finance"] as const
export const ORDER_HANDLERS = ["owner", "admin", "orders"] as const
// Money: the ledger and payouts.
export const FINANCE = ["owner", "admin", "finance"] as const
