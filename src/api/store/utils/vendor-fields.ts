import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const PUBLIC = ["id", "handle", "name"]

/**
 * Store products may carry their vendor (`fields=*vendor`), but only its
 * public fields: any vendor selector is rewritten to vendor.id, .handle and
 * .name, so that e-mail, tax id and status never reach a storefront.
 */
export function restrictStoreVendorFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const raw = req.query.fields
  if (typeof raw !== "string" || !/vendor/.test(raw)) return next()
  const out: string[] = []
  let wantsVendor = false
  for (const token of raw
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)) {
    const bare = token.replace(/^[+*-]+/, "")
    if (bare === "vendor" || bare.startsWith("vendor.")) {
      if (!token.startsWith("-")) wantsVendor = true
      continue
    }
    out.push(token)
  }
  if (wantsVendor) {
    out.push(...PUBLIC.map((f) => `+vendor.${f}`))
    // Medusa's store product query config only allows its own fields; this is
    // its documented way to allow more.
    req.allowed ??= []
    req.allowed.push("vendor", ...PUBLIC.map((f) => `vendor.${f}`))
  }
  req.query.fields = out.join(",")
  next()
}
