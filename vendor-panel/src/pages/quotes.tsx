import { Badge, Button, Input, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { Card, Empty, ErrorState, Loading, NativeSelect, Page, QueryView } from "../components/states"
import { api, errorMessage, post } from "../lib/client"
import { date, dateTime, human, money } from "../lib/format"
import { can, useMe } from "../lib/session"
import { OffsetPagination } from "../components/offset-pagination"

const STATUSES = ["requested", "quoted", "expired", "declined", "accepted", "withdrawn"]
const COLORS: Record<string, "orange" | "blue" | "grey" | "red" | "green"> = {
  requested: "orange",
  quoted: "blue",
  expired: "grey",
  declined: "red",
  accepted: "green",
  withdrawn: "grey",
}
const PAGE = 20

/** GET /vendor/quotes: buyers' requests for the vendor's prices, newest first. */
export function QuotesPage() {
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const navigate = useNavigate()
  const query = { limit: PAGE, offset, ...(status ? { status } : {}) }
  const quotes = useQuery({
    queryKey: ["quotes", query],
    queryFn: () => api("/vendor/quotes", { query }),
    placeholderData: keepPreviousData,
  })
  return (
    <Page
      title="Quotes"
      testId="quotes"
      actions={
        <NativeSelect aria-label="Status" value={status} onChange={(e) => (setOffset(0), setStatus(e.target.value))}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {human(s)}
            </option>
          ))}
        </NativeSelect>
      }
    >
      <Card>
        <QueryView query={quotes}>
          {(data: any) =>
            data.quotes.length === 0 ? (
              <Empty title="No quote requests">Buying companies ask for your prices here; you answer with yours.</Empty>
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Requested</Table.HeaderCell>
                      <Table.HeaderCell>Buyer</Table.HeaderCell>
                      <Table.HeaderCell>Lines</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">List value</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Quoted</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.quotes.map((q: any) => (
                      <Table.Row key={q.id} className="cursor-pointer" onClick={() => navigate(`/quotes/${q.id}`)}>
                        <Table.Cell>{dateTime(q.created_at)}</Table.Cell>
                        <Table.Cell>{q.buyer?.company?.name ?? q.buyer?.name ?? q.buyer?.email}</Table.Cell>
                        <Table.Cell>{q.items.length}</Table.Cell>
                        <Table.Cell>
                          <Badge size="2xsmall" color={COLORS[q.status] ?? "grey"}>
                            {human(q.status)}
                          </Badge>
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums">{money(q.list_subtotal, q.currency_code)}</Table.Cell>
                        <Table.Cell className="text-right tabular-nums">
                          {q.subtotal == null ? "–" : money(q.subtotal, q.currency_code)}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
                <OffsetPagination count={data.count} offset={offset} pageSize={PAGE} onOffset={setOffset} />
              </div>
            )
          }
        </QueryView>
      </Card>
    </Page>
  )
}

/** GET /vendor/quotes/:id: the lines, answer with unit prices or decline, and the thread with the buyer. */
export function QuoteDetailPage() {
  const { id } = useParams()
  const me = useMe()
  const qc = useQueryClient()
  const quote = useQuery({ queryKey: ["quote", id], queryFn: () => api(`/vendor/quotes/${id}`) })
  const [prices, setPrices] = useState<Record<string, string>>({})
  const [validUntil, setValidUntil] = useState("")
  const [message, setMessage] = useState("")
  const [reason, setReason] = useState("")
  const [body, setBody] = useState("")
  const done = (msg: string) => () => {
    toast.success(msg)
    qc.invalidateQueries({ queryKey: ["quote", id] })
    qc.invalidateQueries({ queryKey: ["quotes"] })
  }
  const respond = useMutation({
    mutationFn: (items: { item_id: string; unit_price: number }[]) =>
      post(`/vendor/quotes/${id}/respond`, {
        items,
        ...(validUntil ? { valid_until: new Date(`${validUntil}T23:59:59Z`).toISOString() } : {}),
        ...(message.trim() ? { message: message.trim() } : {}),
      }),
    onSuccess: done("Quote sent"),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const decline = useMutation({
    mutationFn: () => post(`/vendor/quotes/${id}/decline`, { reason: reason.trim() }),
    onSuccess: done("Quote declined"),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const write = useMutation({
    mutationFn: () => post(`/vendor/quotes/${id}/messages`, { body: body.trim() }),
    onSuccess: () => {
      setBody("")
      done("Message sent")()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  if (quote.isPending) return <Loading rows={6} />
  if (quote.isError) return <ErrorState error={quote.error} retry={() => quote.refetch()} />
  const q = quote.data.quote
  const handle = can(me.data, "handleOrders")
  const open = handle && ["requested", "quoted", "expired"].includes(q.status)
  return (
    <Page
      title={`Quote from ${q.buyer?.company?.name ?? q.buyer?.name ?? q.buyer?.email}`}
      actions={<Badge color={COLORS[q.status] ?? "grey"}>{human(q.status)}</Badge>}
    >
      <Link to="/quotes" className="txt-small text-ui-fg-interactive w-fit">
        ← All quotes
      </Link>
      {q.quote?.message && (
        <Card title="The buyer writes">
          <Text size="small" className="px-6 py-4">
            {q.quote.message}
          </Text>
        </Card>
      )}
      <Card title="Lines">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const items = q.items.map((i: any) => ({
              item_id: i.item_id,
              unit_price: Number(prices[i.item_id] ?? i.unit_price ?? i.list_unit_price),
            }))
            respond.mutate(items)
          }}
        >
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Product</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">List price</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Your unit price</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {q.items.map((i: any) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>
                      {i.title}
                      {i.variant_title && i.variant_title !== "Default" ? ` · ${i.variant_title}` : ""}{" "}
                      <span className="text-ui-fg-subtle">{i.sku}</span>
                    </Table.Cell>
                    <Table.Cell className="text-right">{i.quantity}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{money(i.list_unit_price, q.currency_code)}</Table.Cell>
                    <Table.Cell className="text-right">
                      {open ? (
                        <Input
                          size="small"
                          type="number"
                          step="0.01"
                          min={0}
                          aria-label={`Unit price for ${i.title}`}
                          className="ml-auto w-28"
                          value={prices[i.item_id] ?? String(i.unit_price ?? i.list_unit_price)}
                          onChange={(e) => setPrices({ ...prices, [i.item_id]: e.target.value })}
                        />
                      ) : (
                        money(i.unit_price, q.currency_code)
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="flex flex-col gap-3 px-6 py-4">
            <Text size="small">
              List value {money(q.list_subtotal, q.currency_code)}
              {q.subtotal != null && ` · quoted ${money(q.subtotal, q.currency_code)}`}
              {q.valid_until && ` · valid until ${date(q.valid_until)}`}
            </Text>
            {q.decline_reason && <Text size="small">Declined: {q.decline_reason}</Text>}
            {open && (
              <div className="flex flex-wrap items-end gap-3">
                <div className="flex flex-col gap-1">
                  <Label htmlFor="valid-until">Valid until (default 14 days)</Label>
                  <Input id="valid-until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} className="w-44" />
                </div>
                <div className="flex min-w-64 flex-1 flex-col gap-1">
                  <Label htmlFor="quote-message">Message (optional)</Label>
                  <Input id="quote-message" value={message} onChange={(e) => setMessage(e.target.value)} />
                </div>
                <Button size="small" type="submit" isLoading={respond.isPending}>
                  {q.status === "requested" ? "Send quote" : "Send a new quote"}
                </Button>
              </div>
            )}
          </div>
        </form>
        {open && (
          <form
            className="flex flex-wrap items-end gap-3 border-t px-6 py-4"
            onSubmit={(e) => {
              e.preventDefault()
              decline.mutate()
            }}
          >
            <div className="flex min-w-64 flex-1 flex-col gap-1">
              <Label htmlFor="decline-reason">Decline with a reason</Label>
              <Input id="decline-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <Button size="small" variant="danger" type="submit" isLoading={decline.isPending}>
              Decline
            </Button>
          </form>
        )}
      </Card>
      <Card title="Messages">
        <ol className="flex flex-col gap-3 px-6 py-4">
          {q.messages.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle">
              No messages yet.
            </Text>
          )}
          {q.messages.map((m: any) => (
            <li key={m.id} className="flex flex-col">
              <Text size="xsmall" className="text-ui-fg-subtle">
                {m.author_name ?? m.author_type} · {dateTime(m.created_at)}
              </Text>
              <Text size="small">{m.body}</Text>
            </li>
          ))}
        </ol>
        {handle && (
          <form
            className="flex flex-col gap-2 border-t px-6 py-4"
            onSubmit={(e) => {
              e.preventDefault()
              write.mutate()
            }}
          >
            <Textarea aria-label="Message to the buyer" required value={body} onChange={(e) => setBody(e.target.value)} />
            <Button size="small" type="submit" className="w-fit" isLoading={write.isPending}>
              Send message
            </Button>
          </form>
        )}
      </Card>
    </Page>
  )
}
