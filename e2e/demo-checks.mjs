// Checks that every order of a seeded demo agrees in Medusa's own terms and
// with its vendor orders, through the Admin API (what the operator sees):
// - a paid order (captured, partially or fully refunded) has nothing
//   outstanding: summary.pending_difference is 0 and what was paid minus what
//   was refunded is the order's current total;
// - its payment status matches its refunds (captured with none, partially
//   refunded with some, refunded with all);
// - an order paid by invoice and not yet paid is authorized, with nothing
//   captured and the whole total outstanding;
// - its vendor orders exist, and their totals net of refunds add up to what
//   the buyer paid net of refunds, their refunds to the order's refunds.
// Used by e2e/demo.e2e.test.mjs and, by hand, against any running demo:
//   node e2e/demo-checks.mjs http://localhost:9000 [admin@lilium.local lilium-admin]
const cents = (n) => Math.round(Number(n ?? 0) * 100)

export async function checkDemoOrders(base, token) {
  const get = async (path) => {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const fields = "id,display_id,total,payment_status,summary.*,payment_collections.payments.provider_id"
  const { orders, count } = await get(`/admin/orders?limit=200&fields=${fields}&order=display_id`)
  const problems = []
  const paidOrders = []
  for (const order of orders) {
    const s = order.summary ?? {}
    const name = `order #${order.display_id}`
    const invoice = (order.payment_collections ?? []).some((pc) => (pc.payments ?? []).some((p) => p.provider_id === "pp_invoice_invoice"))
    const paid = cents(s.paid_total)
    const refunded = cents(s.refunded_total)
    const current = cents(s.current_order_total)
    if (invoice && paid === 0) {
      if (order.payment_status !== "authorized") problems.push(`${name} (invoice, unpaid): payment_status ${order.payment_status}`)
      if (cents(s.pending_difference) !== current)
        problems.push(`${name} (invoice, unpaid): outstanding ${s.pending_difference}, total ${current / 100}`)
    } else {
      paidOrders.push(order)
      if (cents(s.pending_difference) !== 0) problems.push(`${name}: outstanding ${s.pending_difference} on a paid order`)
      if (paid - refunded !== current)
        problems.push(`${name}: paid ${paid / 100} − refunded ${refunded / 100} ≠ current total ${current / 100}`)
      const expected = refunded === 0 ? "captured" : refunded >= paid ? "refunded" : "partially_refunded"
      if (order.payment_status !== expected) problems.push(`${name}: payment_status ${order.payment_status}, expected ${expected}`)
    }
    const { vendor_orders } = await get(`/admin/orders/${order.id}/vendor-orders`)
    if (!vendor_orders?.length) {
      problems.push(`${name}: no vendor orders`)
      continue
    }
    const net = vendor_orders.reduce((a, v) => a + cents(v.total) - cents(v.refunded_total), 0)
    const voRefunded = vendor_orders.reduce((a, v) => a + cents(v.refunded_total), 0)
    if (voRefunded !== refunded) problems.push(`${name}: vendor orders refunded ${voRefunded / 100}, order refunded ${refunded / 100}`)
    const expectedNet = invoice && paid === 0 ? current : paid - refunded
    if (net !== expectedNet) problems.push(`${name}: vendor orders net ${net / 100}, order net ${expectedNet / 100}`)
  }
  return { count, checked: orders.length, paid: paidOrders.length, problems }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = "http://localhost:9000", email = "admin@lilium.local", password = "lilium-admin"] = process.argv.slice(2)
  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const { token } = await login.json()
  const result = await checkDemoOrders(base, token)
  console.log(`${result.checked} of ${result.count} orders checked (${result.paid} paid): ${result.problems.length} problems`)
  for (const p of result.problems) console.log(`  ${p}`)
  process.exit(result.problems.length ? 1 : 0)
}
