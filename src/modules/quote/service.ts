import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { stateConflict } from "../../lib/errors/state-conflict"
import { quoteLinesFingerprint } from "../../lib/quote-lines"
import { rawAmount } from "../../lib/money"
import { MathBN } from "@medusajs/framework/utils"
import { Quote } from "./models/quote"
import { VendorQuote, type VendorQuoteStatus } from "./models/vendor-quote"
import { VendorQuoteItem } from "./models/vendor-quote-item"
import { QuoteMessage } from "./models/quote-message"

/** A vendor quote reads as expired once its validity has passed (stored as `quoted`). */
export function effectiveVendorQuoteStatus(vq: { status: string; valid_until?: Date | string | null }, now = new Date()) {
  if (vq.status === "quoted" && vq.valid_until && new Date(vq.valid_until).getTime() <= now.getTime()) return "expired"
  return vq.status
}

export type VendorQuoteAnswer = {
  prices: Record<string, string>
  valid_until: Date
  message: string | null
  member_id: string
}

export type QuoteAcceptance = {
  quote_id: string
  cart_id: string
  /** Cart lines that get their quoted unit price. */
  priced: { line_item_id: string; unit_price: string }[]
  /** Cart lines of declined or withdrawn vendors, which leave the cart. */
  removed_line_ids: string[]
  /** Each vendor quote's status before, for the compensation. */
  previous: Record<string, VendorQuoteStatus>
}

/** One vendor's quote funnel over a range: counts of its parts by outcome. */
export type QuoteFunnelRow = {
  vendor_id: string
  requested: number
  quoted: number
  declined: number
  accepted: number
  ordered: number
  /** Vendors with a row in the range (the same on every row: the list's count). */
  vendor_total: number
}

export type NewQuote = {
  cart_id: string
  customer_id: string
  company_id: string | null
  currency_code: string
  message: string | null
  items_fingerprint: string
  vendors: {
    vendor_id: string
    items: {
      line_item_id: string
      variant_id: string | null
      product_id: string | null
      title: string
      variant_title: string | null
      sku: string | null
      quantity: number
      list_unit_price: string
    }[]
  }[]
}

const RESPONDED = "The buyer has already accepted this quote; it can no longer be changed."

/**
 * Quotes: the buyer's request, one part per vendor, the vendors' answers and
 * the thread. Every change of state locks the quote's row first (SELECT …
 * FOR UPDATE) and checks the state it expects, so a vendor answering while
 * the buyer accepts gives one order of events: either the buyer accepts the
 * new prices, or the vendor is told it is too late. Writes go through
 * src/workflows/quote.
 */
class QuoteModuleService extends MedusaService({ Quote, VendorQuote, VendorQuoteItem, QuoteMessage }) {
  /** Writes a quote with its vendor parts and their lines in one transaction. */
  @InjectTransactionManager()
  async createQuoteWithParts(request: NewQuote, @MedusaContext() sharedContext: Context = {}) {
    const { vendors, ...fields } = request
    const quote = await this.createQuotes(fields, sharedContext)
    for (const v of vendors) {
      const part = await this.createVendorQuotes(
        { vendor_id: v.vendor_id, currency_code: fields.currency_code, quote_id: quote.id } as never,
        sharedContext
      )
      await this.createVendorQuoteItems(v.items.map((i) => ({ ...i, vendor_quote_id: part.id })) as never, sharedContext)
    }
    return quote
  }

  /** Locks the quote a vendor quote belongs to; returns both rows' states (404 when not the vendor's). */
  private async lockVendorQuote(manager: SqlEntityManager, id: string, vendorId: string) {
    const rows: { quote_id: string; quote_status: string; status: VendorQuoteStatus }[] = await manager.execute(
      `select q.id as quote_id, q.status as quote_status, vq.status
         from vendor_quote vq join quote q on q.id = vq.quote_id
        where vq.id = ? and vq.vendor_id = ? and vq.deleted_at is null and q.deleted_at is null
        for update of q, vq`,
      [id, vendorId]
    )
    if (!rows[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote with id: ${id} was not found`)
    return rows[0]
  }

  /**
   * A vendor's answer: a unit price for every line of its part (exactly
   * those lines), how long it holds and a message. A vendor may answer again
   * (a new price, or a new date after it expired) until the buyer accepts;
   * a declined part stays declined.
   */
  @InjectTransactionManager()
  async answerVendorQuote(id: string, vendorId: string, answer: VendorQuoteAnswer, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const state = await this.lockVendorQuote(manager, id, vendorId)
    if (state.quote_status !== "requested") throw stateConflict(RESPONDED)
    if (state.status !== "requested" && state.status !== "quoted")
      throw stateConflict(`This quote is ${state.status} and cannot be answered.`)
    const items = await this.listVendorQuoteItems({ vendor_quote_id: id }, { select: ["id", "line_item_id"] }, sharedContext)
    const given = Object.keys(answer.prices)
    const known = new Set(items.map((i) => i.line_item_id))
    const unknown = given.filter((g) => !known.has(g))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not items of this quote: ${unknown.join(", ")}`)
    }
    const missing = items.filter((i) => !(i.line_item_id in answer.prices)).map((i) => i.line_item_id)
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Every item needs a unit price; missing: ${missing.join(", ")}`)
    }
    await this.updateVendorQuoteItems(items.map((i) => ({ id: i.id, unit_price: answer.prices[i.line_item_id] })) as never, sharedContext)
    await this.updateVendorQuotes(
      {
        id,
        status: "quoted",
        valid_until: answer.valid_until,
        response_message: answer.message,
        decline_reason: null,
        responded_at: new Date(),
        responded_by: answer.member_id,
      },
      sharedContext
    )
    return { quote_id: state.quote_id, previous: state.status }
  }

  /** A vendor declines its part (with a reason) while the buyer has not accepted. */
  @InjectTransactionManager()
  async declineVendorQuote(id: string, vendorId: string, reason: string, memberId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const state = await this.lockVendorQuote(manager, id, vendorId)
    if (state.quote_status !== "requested") throw stateConflict(RESPONDED)
    if (state.status !== "requested" && state.status !== "quoted")
      throw stateConflict(`This quote is ${state.status} and cannot be declined.`)
    await this.updateVendorQuotes(
      { id, status: "declined", decline_reason: reason, responded_at: new Date(), responded_by: memberId },
      sharedContext
    )
    return { quote_id: state.quote_id }
  }

  /**
   * The buyer accepts: every answered, still valid part becomes `accepted`,
   * the parts named in `exclude` become `withdrawn`, declined parts stay
   * declined. 409 with nothing changed when the quote is not `requested`
   * (accepted twice), when a part has not been answered or has expired and
   * is not excluded, or when nothing would be accepted. Stores the
   * fingerprint of the accepted lines at their quoted prices, which the
   * checkout compares the cart with.
   */
  @InjectTransactionManager()
  async acceptQuote(quoteId: string, exclude: string[], now: Date, @MedusaContext() sharedContext: Context = {}): Promise<QuoteAcceptance> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [locked]: { status: string }[] = await manager.execute(
      `select status from quote where id = ? and deleted_at is null for update`,
      [quoteId]
    )
    if (!locked) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote with id: ${quoteId} was not found`)
    if (locked.status !== "requested") throw stateConflict(`This quote is already ${locked.status}.`)
    const quote = await this.retrieveQuote(quoteId, { relations: ["vendor_quotes", "vendor_quotes.items"] }, sharedContext)
    const parts = quote.vendor_quotes
    const ids = new Set(parts.map((p) => p.id))
    const strangers = exclude.filter((e) => !ids.has(e))
    if (strangers.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not parts of this quote: ${strangers.join(", ")}`)

    const previous: Record<string, VendorQuoteStatus> = {}
    const accepted: typeof parts = []
    const leaving: typeof parts = []
    for (const part of parts) {
      previous[part.id] = part.status
      if (part.status === "declined") {
        leaving.push(part)
        continue
      }
      if (exclude.includes(part.id)) {
        leaving.push(part)
        continue
      }
      const status = effectiveVendorQuoteStatus(part, now)
      if (status === "requested") {
        throw stateConflict(
          `Vendor quote ${part.id} has not been answered yet; wait for it or accept without it (exclude_vendor_quote_ids).`
        )
      }
      if (status === "expired") {
        throw stateConflict(
          `Vendor quote ${part.id} expired on ${new Date(part.valid_until as Date).toISOString()}; ask the vendor to quote again or accept without it (exclude_vendor_quote_ids).`
        )
      }
      accepted.push(part)
    }
    if (!accepted.length) throw stateConflict("No vendor has quoted prices that can be accepted.")

    const lines = accepted.flatMap((p) =>
      p.items.map((i) => ({
        id: i.line_item_id,
        variant_id: i.variant_id,
        quantity: i.quantity,
        unit_price: rawAmount(i as never, "unit_price"),
      }))
    )
    const withdrawn = leaving.filter((p) => p.status !== "declined").map((p) => ({ id: p.id, status: "withdrawn" as const }))
    await this.updateVendorQuotes([...accepted.map((p) => ({ id: p.id, status: "accepted" as const })), ...withdrawn], sharedContext)
    await this.updateQuotes(
      {
        id: quoteId,
        status: "accepted",
        accepted_at: now,
        accepted_fingerprint: quoteLinesFingerprint(lines, quote.currency_code, true),
      },
      sharedContext
    )
    return {
      quote_id: quoteId,
      cart_id: quote.cart_id,
      priced: accepted.flatMap((p) =>
        p.items.map((i) => ({ line_item_id: i.line_item_id, unit_price: MathBN.convert(rawAmount(i as never, "unit_price")).toFixed() }))
      ),
      removed_line_ids: leaving.flatMap((p) => p.items.map((i) => i.line_item_id)),
      previous,
    }
  }

  /**
   * Per vendor, the parts of quotes requested in [from, to): how many were
   * requested, answered with prices (quoted, whatever happened next, unless
   * declined later), declined, accepted by the buyer, and accepted parts
   * whose quote became an order. Busiest vendors first; `vendor_id` narrows
   * to one vendor (the vendor's own analytics).
   */
  @InjectManager()
  async quoteFunnel(
    q: { from: Date; to: Date; vendor_id?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<QuoteFunnelRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: Record<string, string>[] = await manager.execute(
      `select vq.vendor_id,
              count(*)::int as requested,
              count(*) filter (where vq.responded_at is not null and vq.status <> 'declined')::int as quoted,
              count(*) filter (where vq.status = 'declined')::int as declined,
              count(*) filter (where vq.status = 'accepted')::int as accepted,
              count(*) filter (where vq.status = 'accepted' and q.status = 'ordered')::int as ordered,
              count(*) over ()::int as vendor_total
         from vendor_quote vq join quote q on q.id = vq.quote_id and q.deleted_at is null
        where vq.deleted_at is null and vq.created_at >= ? and vq.created_at < ?
          ${q.vendor_id ? "and vq.vendor_id = ?" : ""}
        group by vq.vendor_id
        order by requested desc, vq.vendor_id
        limit ? offset ?`,
      [q.from, q.to, ...(q.vendor_id ? [q.vendor_id] : []), q.limit, q.offset]
    )
    return rows.map((r) => ({
      vendor_id: r.vendor_id,
      requested: Number(r.requested),
      quoted: Number(r.quoted),
      declined: Number(r.declined),
      accepted: Number(r.accepted),
      ordered: Number(r.ordered),
      vendor_total: Number(r.vendor_total),
    }))
  }

  /** Undoes an acceptance (the accept workflow's compensation): the quote is `requested` again, each part as it was. */
  @InjectTransactionManager()
  async undoAcceptance(acceptance: QuoteAcceptance, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: unknown[] = await manager.execute(
      `update quote set status = 'requested', accepted_at = null, accepted_fingerprint = null, updated_at = now()
        where id = ? and status = 'accepted' and deleted_at is null returning id`,
      [acceptance.quote_id]
    )
    if (!rows.length) return
    await this.updateVendorQuotes(
      Object.entries(acceptance.previous).map(([id, status]) => ({ id, status })),
      sharedContext
    )
  }

  /** The accepted quote of a cart becomes `ordered` with its order (compare-and-set; returns the quote id or null). */
  @InjectTransactionManager()
  async markQuoteOrdered(cartId: string, orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: { id: string }[] = await manager.execute(
      `update quote set status = 'ordered', order_id = ?, ordered_at = now(), updated_at = now()
        where cart_id = ? and status = 'accepted' and deleted_at is null returning id`,
      [orderId, cartId]
    )
    return rows[0]?.id ?? null
  }

  /** Undoes markQuoteOrdered (compensation of a checkout that failed after it). */
  @InjectTransactionManager()
  async unmarkQuoteOrdered(quoteId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `update quote set status = 'accepted', order_id = null, ordered_at = null, updated_at = now()
        where id = ? and status = 'ordered' and deleted_at is null`,
      [quoteId]
    )
  }
}

export default QuoteModuleService
