/** One requested cart line: exactly one of variant_id / sku. */
export type CartLineInput = { variant_id?: string; sku?: string; quantity: number; line?: number }

/** Why a requested line was not added (or was added with less than asked). */
export type CartLineErrorCode =
  "unknown_variant" | "unknown_sku" | "not_sold" | "vendor_suspended" | "out_of_stock" | "quantity_reduced" | "quantity_limit"

export type CartLineError = {
  variant_id?: string
  sku?: string
  /** 1-based line of a CSV upload, when the lines came from one. */
  line?: number
  code: CartLineErrorCode
  message: string
  requested?: number
  available?: number
}

export type AddCartLinesInput = {
  cart_id: string
  lines: CartLineInput[]
  /** Reorder: add what is in stock instead of refusing a line that is short (reported as quantity_reduced). */
  reduce_to_available?: boolean
}

export type AddCartLinesOutput = {
  /** What went into the cart, one entry per variant (duplicates summed). */
  added: { variant_id: string; quantity: number }[]
  errors: CartLineError[]
}
