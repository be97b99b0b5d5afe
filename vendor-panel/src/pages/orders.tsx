import { Badge, Button, Input, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { Card, Empty, NativeSelect, Page, QueryView } from "../components/states"
import { api } from "../lib/client"
import { dateTime, human, money, statusColor } from "../lib/format"
import { OffsetPagination } from "../components/offset-pagination"

// src/modules/vendor/models/vendor-order.ts: a partly fulfilled or shipped order keeps its previous status until every item got there.
export const ORDER_STATUSES = ["pending", "accepted", "rejected", "fulfilled", "shipped", "delivered", "canceled"]
const PAGE = 20

/** GET /vendor/orders: the vendor's orders with status, date and search filters, newest first. */
export function OrdersPage() {
  const [status, setStatus] = useState("")
  const [q, setQ] = useState("")
  const [search, setSearch] = useState("")
  const [since, setSince] = useState("")
  const [offset, setOffset] = useState(0)
  const navigate = useNavigate()
  const query = {
    limit: PAGE,
    offset,
    ...(status ? { status } : {}),
    ...(search ? { q: search } : {}),
    ...(since ? { "created_at[$gte]": since } : {}),
  }
  const orders = useQuery({
    queryKey: ["vendor-orders", query],
    queryFn: () => api("/vendor/orders", { query }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  })
  return (
    <Page title="Orders" testId="orders">
      <Card>
        <form
          className="flex flex-wrap items-end gap-3 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            setOffset(0)
            setSearch(q.trim())
          }}
        >
          <NativeSelect
            aria-label="Status"
            data-testid="order-status-filter"
            value={status}
            onChange={(e) => {
              setOffset(0)
              setStatus(e.target.value)
            }}
          >
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {human(s)}
              </option>
            ))}
          </NativeSelect>
          <Input
            type="date"
            aria-label="Placed since"
            value={since}
            onChange={(e) => (setOffset(0), setSince(e.target.value))}
            className="w-40"
          />
          <Input
            type="search"
            placeholder="Order number or buyer e-mail"
            aria-label="Search"
            data-testid="order-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="w-64"
          />
          <Button size="small" variant="secondary" type="submit">
            Search
          </Button>
        </form>
        <QueryView query={orders}>
          {(data: any) =>
            data.vendor_orders.length === 0 ? (
              <Empty title={status || search || since ? "No orders match" : "No orders yet"}>
                {status || search || since ? "Change the filters to see more." : "Orders placed for your products appear here."}
              </Empty>
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Order</Table.HeaderCell>
                      <Table.HeaderCell>Placed</Table.HeaderCell>
                      <Table.HeaderCell>Buyer</Table.HeaderCell>
                      <Table.HeaderCell>Items</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.vendor_orders.map((o: any) => (
                      <Table.Row
                        key={o.id}
                        className="cursor-pointer"
                        data-testid={`order-row-${o.display_id}`}
                        onClick={() => navigate(`/orders/${o.id}`)}
                      >
                        <Table.Cell>
                          <Link to={`/orders/${o.id}`} className="text-ui-fg-interactive" onClick={(e) => e.stopPropagation()}>
                            #{o.display_id}
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{dateTime(o.created_at)}</Table.Cell>
                        <Table.Cell>{o.company?.name ?? o.email}</Table.Cell>
                        <Table.Cell>{o.items?.reduce((n: number, i: any) => n + Number(i.quantity), 0)}</Table.Cell>
                        <Table.Cell>
                          <Badge size="2xsmall" color={statusColor(o.status)} data-testid="order-status">
                            {human(o.status)}
                          </Badge>
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums">{money(o.total, o.currency_code)}</Table.Cell>
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
      <Text size="xsmall" className="text-ui-fg-muted">
        The list refreshes every 15 seconds.
      </Text>
    </Page>
  )
}
