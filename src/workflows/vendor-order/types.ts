/** Who changed a vendor order: a vendor member, an operator (user) or the system. */
export type VendorOrderActor = { type: "vendor" | "user" | "customer" | "system"; id?: string | null }
