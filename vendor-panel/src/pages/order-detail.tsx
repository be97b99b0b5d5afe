import { Badge, Button, Heading, Input, Label, Prompt, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Fragment, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { Card, ErrorState, Loading, Page, QueryView } from "../components/states"
import { errorMessage, post, api } from "../lib/client"
import { dateTime, human, money, statusColor } from "../lib/format"
import { can, useMe } from "../lib/session"

// The vendor order's state machine (src/modules/vendor/vendor-order-status.ts): items are fulfilled while it is accepted
// (it becomes fulfilled when all are); it can be canceled while accepted and nothing is fulfilled yet.
const FULFILLABLE = ["accepted"]

/** GET /vendor/orders/:id and its actions: accept or reject, fulfil (in parts), ship with tracking, mark delivered, cancel. */
export function OrderDetailPage() {
  const { id } = useParams()
  const me = useMe()
  const qc = useQueryClient()
  const order = useQuery({ queryKey: ["vendor-order", id], queryFn: () => api(`/vendor/orders/${id}`) })
  // The order's rows in the vendor's ledger (sale, commission, refunds, reversals): what it does to the balance.
  const finance = can(me.data, "finance")
  const ledger = useQuery({
    queryKey: ["vendor-order-ledger", id],
    enabled: finance,
    queryFn: () => api("/vendor/transactions", { query: { vendor_order_id: id, limit: 100 } }),
  })
  const [reject, setReject] = useState(false)
  const [reason, setReason] = useState("")
  const [quantities, setQuantities] = useState<Record<string, number>>({})
  const [tracking, setTracking] = useState<Record<string, string>>({})
  const [returned, setReturned] = useState<Record<string, number>>({})
  const [returnNote, setReturnNote] = useState("")

  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown; done: string }) => post(`/vendor/orders/${id}${path}`, body ?? {}),
    onSuccess: (_d, v) => {
      toast.success(v.done)
      qc.invalidateQueries({ queryKey: ["vendor-order", id] })
      qc.invalidateQueries({ queryKey: ["vendor-order-ledger", id] })
      qc.invalidateQueries({ queryKey: ["vendor-orders"] })
      qc.invalidateQueries({ queryKey: ["balance"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })

  if (order.isPending) return <Loading rows={8} />
  if (order.isError) return <ErrorState error={order.error} retry={() => order.refetch()} />
  const o = order.data.vendor_order
  const handle = can(me.data, "handleOrders")
  const fulfilled = new Map<string, number>()
  for (const f of o.fulfillments ?? []) {
    if (f.canceled_at) continue
    for (const i of f.items ?? []) fulfilled.set(i.id, (fulfilled.get(i.id) ?? 0) + Number(i.quantity))
  }
  const remaining = (item: any) => Number(item.quantity) - (fulfilled.get(item.id) ?? 0)
  const toFulfil = (o.items ?? []).filter((i: any) => remaining(i) > 0)
  // Goods that left the warehouse can come back: a return received at the vendor's location refunds their share.
  const shipped = new Map<string, number>()
  for (const f of o.fulfillments ?? []) {
    if (!f.shipped_at || f.canceled_at) continue
    for (const i of f.items ?? []) shipped.set(i.id, (shipped.get(i.id) ?? 0) + Number(i.quantity))
  }
  const returnable = (o.items ?? []).filter((i: any) => (shipped.get(i.id) ?? 0) > 0)
  const busy = action.isPending

  return (
    <Page
      title={`Order #${o.display_id}`}
      testId="order-detail"
      actions={
        <>
          <Badge color={statusColor(o.status)} data-testid="order-detail-status">
            {human(o.status)}
          </Badge>
          {handle && o.status === "pending" && (
            <>
              <Button
                size="small"
                data-testid="accept-order"
                isLoading={busy}
                onClick={() => action.mutate({ path: "/accept", done: "Order accepted" })}
              >
                Accept
              </Button>
              <Button size="small" variant="danger" data-testid="reject-order" disabled={busy} onClick={() => setReject(true)}>
                Reject
              </Button>
            </>
          )}
          {handle && o.status === "accepted" && !(o.fulfillments ?? []).some((f: any) => !f.canceled_at) && (
            <Button
              size="small"
              variant="secondary"
              disabled={busy}
              onClick={() => {
                if (confirm("Cancel this order? The buyer is refunded your part."))
                  action.mutate({ path: "/cancel", done: "Order canceled" })
              }}
            >
              Cancel order
            </Button>
          )}
        </>
      }
    >
      <Link to="/orders" className="txt-small text-ui-fg-interactive w-fit">
        ← All orders
      </Link>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <div className="flex flex-col gap-4 xl:col-span-2">
          <Card title="Items">
            <div className="overflow-x-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Product</Table.HeaderCell>
                    <Table.HeaderCell>SKU</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Unit</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {(o.items ?? []).map((i: any) => (
                    <Table.Row key={i.id}>
                      <Table.Cell>
                        {i.title}
                        {i.variant_title && i.variant_title !== "Default" ? ` · ${i.variant_title}` : ""}
                      </Table.Cell>
                      <Table.Cell>{i.sku ?? "–"}</Table.Cell>
                      <Table.Cell className="text-right">{i.quantity}</Table.Cell>
                      <Table.Cell className="text-right tabular-nums">{money(i.unit_price, o.currency_code)}</Table.Cell>
                      <Table.Cell className="text-right tabular-nums">{money(i.total, o.currency_code)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 px-6 py-4 txt-small">
              <dt className="text-ui-fg-subtle">Items</dt>
              <dd className="text-right tabular-nums">{money(o.item_total, o.currency_code)}</dd>
              <dt className="text-ui-fg-subtle">Shipping</dt>
              <dd className="text-right tabular-nums">{money(o.shipping_total, o.currency_code)}</dd>
              <dt className="text-ui-fg-subtle">Discounts</dt>
              <dd className="text-right tabular-nums">{money(o.discount_total, o.currency_code)}</dd>
              <dt className="text-ui-fg-subtle">Total</dt>
              <dd className="text-right tabular-nums font-medium" data-testid="order-total">
                {money(o.total, o.currency_code)}
              </dd>
              <dt className="text-ui-fg-subtle">Commission</dt>
              <dd className="text-right tabular-nums">−{money(o.commission_total, o.currency_code)}</dd>
              <dt className="text-ui-fg-subtle">Refunded</dt>
              <dd className="text-right tabular-nums" data-testid="order-refunded">
                {money(o.refunded_total, o.currency_code)}
              </dd>
              <dt className="text-ui-fg-subtle">{Number(o.refunded_total) > 0 ? "Your net before refunds" : "Your net"}</dt>
              <dd className="text-right tabular-nums font-medium" data-testid="order-net">
                {money(o.net_total, o.currency_code)}
              </dd>
            </dl>
          </Card>

          {handle && FULFILLABLE.includes(o.status) && toFulfil.length > 0 && (
            <Card
              title="Fulfil"
              actions={
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Pack at your location; ship the package next.
                </Text>
              }
            >
              <form
                className="flex flex-col gap-3 px-6 py-4"
                data-testid="fulfil-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  const items = toFulfil
                    .map((i: any) => ({ id: i.id, quantity: quantities[i.id] ?? remaining(i) }))
                    .filter((i: { quantity: number }) => i.quantity > 0)
                  if (!items.length) return toast.error("Choose at least one item.")
                  action.mutate({ path: "/fulfillments", body: { items }, done: "Fulfillment created" })
                }}
              >
                {toFulfil.map((i: any) => (
                  <div key={i.id} className="flex flex-wrap items-center gap-3">
                    <Label htmlFor={`q-${i.id}`} className="min-w-0 flex-1">
                      {i.title} <span className="text-ui-fg-subtle">({remaining(i)} to fulfil)</span>
                    </Label>
                    <Input
                      id={`q-${i.id}`}
                      type="number"
                      min={0}
                      max={remaining(i)}
                      className="w-24"
                      value={quantities[i.id] ?? remaining(i)}
                      onChange={(e) =>
                        setQuantities({ ...quantities, [i.id]: Math.max(0, Math.min(remaining(i), Number(e.target.value))) })
                      }
                    />
                  </div>
                ))}
                <Button size="small" type="submit" className="w-fit" data-testid="fulfil-order" isLoading={busy}>
                  Create fulfillment
                </Button>
              </form>
            </Card>
          )}

          {handle && returnable.length > 0 && (
            <Card
              title="Receive a return"
              actions={
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Back in stock at your location; the buyer is refunded.
                </Text>
              }
            >
              <form
                className="flex flex-col gap-3 px-6 py-4"
                data-testid="return-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  const items = returnable
                    .map((i: any) => ({ id: i.id, quantity: returned[i.id] ?? 0 }))
                    .filter((i: { quantity: number }) => i.quantity > 0)
                  if (!items.length) return toast.error("Enter how many units came back.")
                  action.mutate({
                    path: "/returns",
                    body: { items, ...(returnNote.trim() ? { note: returnNote.trim() } : {}) },
                    done: "Return received",
                  })
                  setReturned({})
                  setReturnNote("")
                }}
              >
                {returnable.map((i: any) => (
                  <div key={i.id} className="flex flex-wrap items-center gap-3">
                    <Label htmlFor={`r-${i.id}`} className="min-w-0 flex-1">
                      {i.title} <span className="text-ui-fg-subtle">({shipped.get(i.id)} shipped)</span>
                    </Label>
                    <Input
                      id={`r-${i.id}`}
                      data-testid="return-quantity"
                      type="number"
                      min={0}
                      max={shipped.get(i.id)}
                      className="w-24"
                      value={returned[i.id] ?? 0}
                      onChange={(e) =>
                        setReturned({ ...returned, [i.id]: Math.max(0, Math.min(shipped.get(i.id) ?? 0, Number(e.target.value))) })
                      }
                    />
                  </div>
                ))}
                <Input
                  placeholder="Note (optional)"
                  aria-label="Return note"
                  value={returnNote}
                  onChange={(e) => setReturnNote(e.target.value)}
                />
                <Button size="small" type="submit" variant="secondary" className="w-fit" data-testid="receive-return" isLoading={busy}>
                  Receive return
                </Button>
              </form>
            </Card>
          )}

          <Card title="Fulfillments">
            {(o.fulfillments ?? []).length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle px-6 py-4">
                Nothing fulfilled yet.
              </Text>
            ) : (
              <ul className="divide-y">
                {o.fulfillments.map((f: any, n: number) => (
                  <li key={f.id} className="flex flex-col gap-2 px-6 py-4" data-testid={`fulfillment-${n}`}>
                    <div className="flex flex-wrap items-center gap-2">
                      <Text weight="plus" size="small">
                        Package {n + 1}
                      </Text>
                      <Badge size="2xsmall" color={f.delivered_at ? "green" : f.shipped_at ? "purple" : f.canceled_at ? "red" : "blue"}>
                        {f.canceled_at ? "Canceled" : f.delivered_at ? "Delivered" : f.shipped_at ? "Shipped" : "Packed"}
                      </Badge>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {f.items
                          ?.map((i: any) => `${i.quantity} × ${o.items?.find((x: any) => x.id === i.id)?.title ?? i.title}`)
                          .join(", ")}
                      </Text>
                    </div>
                    {f.labels?.length > 0 && (
                      <Text size="xsmall" data-testid="tracking">
                        Tracking: {f.labels.map((l: any) => l.tracking_number).join(", ")}
                      </Text>
                    )}
                    {handle && !f.shipped_at && !f.canceled_at && (
                      <form
                        className="flex flex-wrap items-center gap-2"
                        onSubmit={(e) => {
                          e.preventDefault()
                          const number = (tracking[f.id] ?? "").trim()
                          action.mutate({
                            path: `/fulfillments/${f.id}/shipments`,
                            body: number ? { labels: [{ tracking_number: number }] } : {},
                            done: "Marked as shipped",
                          })
                        }}
                      >
                        <Input
                          placeholder="Tracking number"
                          aria-label="Tracking number"
                          data-testid="tracking-number"
                          className="w-56"
                          value={tracking[f.id] ?? ""}
                          onChange={(e) => setTracking({ ...tracking, [f.id]: e.target.value })}
                        />
                        <Button size="small" type="submit" data-testid="ship-fulfillment" isLoading={busy}>
                          Ship
                        </Button>
                      </form>
                    )}
                    {handle && f.shipped_at && !f.delivered_at && !f.canceled_at && (
                      <Button
                        size="small"
                        variant="secondary"
                        className="w-fit"
                        data-testid="mark-delivered"
                        isLoading={busy}
                        onClick={() => action.mutate({ path: `/fulfillments/${f.id}/mark-as-delivered`, done: "Marked as delivered" })}
                      >
                        Mark delivered
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="flex flex-col gap-4">
          {finance && (
            <Card title="In your balance">
              <QueryView query={ledger} rows={2}>
                {(data: any) =>
                  data.transactions.length === 0 ? (
                    <Text size="small" className="text-ui-fg-subtle px-6 py-4">
                      Nothing booked yet.
                    </Text>
                  ) : (
                    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 px-6 py-4 txt-small" data-testid="order-ledger">
                      {data.transactions.map((t: any) => (
                        <Fragment key={t.id}>
                          <dt className="text-ui-fg-subtle" data-testid="order-ledger-type">
                            {human(t.type)} <span className="text-ui-fg-muted">· {human(t.status)}</span>
                          </dt>
                          <dd className="text-right tabular-nums" data-testid="order-ledger-amount">
                            {money(t.amount, t.currency_code)}
                          </dd>
                        </Fragment>
                      ))}
                    </dl>
                  )
                }
              </QueryView>
            </Card>
          )}
          <Card title="Buyer">
            <div className="flex flex-col gap-1 px-6 py-4 txt-small">
              <Text size="small" weight="plus">
                {[o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(" ") || o.email}
              </Text>
              <Text size="small">{o.email}</Text>
              {o.company && <Text size="small">Company: {o.company.name}</Text>}
              {o.shipping_address && (
                <address className="text-ui-fg-subtle not-italic">
                  {[
                    o.shipping_address.company,
                    o.shipping_address.address_1,
                    o.shipping_address.address_2,
                    `${o.shipping_address.postal_code ?? ""} ${o.shipping_address.city ?? ""}`,
                    o.shipping_address.country_code?.toUpperCase(),
                  ]
                    .filter((x) => x && String(x).trim())
                    .map((x) => (
                      <div key={String(x)}>{x}</div>
                    ))}
                </address>
              )}
              {o.shipping_methods?.map((m: any) => (
                <Text key={m.id} size="xsmall" className="text-ui-fg-subtle">
                  Shipping: {m.name} ({money(m.total, o.currency_code)})
                </Text>
              ))}
            </div>
          </Card>
          <Card title="History">
            <ol className="flex flex-col gap-2 px-6 py-4" data-testid="order-history">
              {(o.status_history ?? []).map((h: any, n: number) => (
                <li key={n} className="flex flex-col">
                  <Text size="small" weight="plus">
                    {human(h.to_status)}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {dateTime(h.created_at)} · {h.actor_type}
                    {h.reason ? ` · ${h.reason}` : ""}
                  </Text>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>

      <Prompt open={reject} onOpenChange={setReject}>
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>Reject order #{o.display_id}?</Prompt.Title>
            <Prompt.Description>The buyer is refunded your part of the order. Tell them why.</Prompt.Description>
          </Prompt.Header>
          <div className="px-6 pb-4">
            <Textarea aria-label="Reason" data-testid="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <Prompt.Footer>
            <Prompt.Cancel>Keep</Prompt.Cancel>
            <Prompt.Action
              data-testid="confirm-reject"
              disabled={!reason.trim()}
              onClick={() => action.mutate({ path: "/reject", body: { reason: reason.trim() }, done: "Order rejected" })}
            >
              Reject
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
      <Heading level="h3" className="sr-only">
        End of order
      </Heading>
    </Page>
  )
}
