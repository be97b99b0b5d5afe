import { Badge, Button, Container, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Card, Empty, NativeSelect, Page, QueryView } from "../components/states"
import { api, downloadCsv, errorMessage } from "../lib/client"
import { date, dateTime, human, money, statusColor } from "../lib/format"
import { toast } from "@medusajs/ui"
import { OffsetPagination } from "../components/offset-pagination"

const TYPES = ["sale", "commission", "refund", "commission_reversal", "adjustment", "payout", "payout_reversal"]
const PAGE = 50

/** GET /vendor/balance and /vendor/transactions (with the CSV statement). */
export function BalancePage() {
  const balance = useQuery({ queryKey: ["balance"], queryFn: () => api("/vendor/balance"), refetchInterval: 15_000 })
  const [type, setType] = useState("")
  const [offset, setOffset] = useState(0)
  const query = { limit: PAGE, offset, ...(type ? { type } : {}) }
  const transactions = useQuery({
    queryKey: ["transactions", query],
    queryFn: () => api("/vendor/transactions", { query }),
    placeholderData: keepPreviousData,
  })
  return (
    <Page title="Balance" testId="balance">
      <QueryView query={balance} rows={2}>
        {(data: any) =>
          data.balances.length === 0 ? (
            <Container>
              <Empty title="No money yet">Your balance starts with your first sale.</Empty>
            </Container>
          ) : (
            <div className="flex flex-col gap-3">
              {data.balances.map((b: any) => (
                <div key={b.currency_code} className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid={`balance-${b.currency_code}`}>
                  {(
                    [
                      ["pending", "Pending", "Earned; available after delivery and the hold period"],
                      ["available", "Available", "Paid out with the next payout run"],
                      ["in_transit", "In transit", "Payouts on their way"],
                      ["paid_out", "Paid out", "Received so far"],
                    ] as const
                  ).map(([key, label, hint]) => (
                    <Container key={key} className="flex flex-col gap-1 p-4">
                      <Text size="small" className="text-ui-fg-subtle">
                        {label} · {b.currency_code.toUpperCase()}
                      </Text>
                      <Text size="xlarge" weight="plus" className="tabular-nums" data-testid={`balance-${key}`}>
                        {money(b[key], b.currency_code)}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {hint}
                      </Text>
                    </Container>
                  ))}
                </div>
              ))}
            </div>
          )
        }
      </QueryView>
      <Card
        title="Transactions"
        actions={
          <>
            <NativeSelect aria-label="Type" value={type} onChange={(e) => (setOffset(0), setType(e.target.value))}>
              <option value="">All types</option>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {human(t)}
                </option>
              ))}
            </NativeSelect>
            <Button
              size="small"
              variant="secondary"
              data-testid="transactions-csv"
              onClick={() =>
                downloadCsv("/vendor/transactions", { limit: 1000, ...(type ? { type } : {}) }, "transactions.csv").catch((e) =>
                  toast.error(errorMessage(e))
                )
              }
            >
              CSV
            </Button>
          </>
        }
      >
        <QueryView query={transactions}>
          {(data: any) =>
            data.transactions.length === 0 ? (
              <Empty title="No transactions">Sales, commission, refunds and payouts are listed here.</Empty>
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Date</Table.HeaderCell>
                      <Table.HeaderCell>Type</Table.HeaderCell>
                      <Table.HeaderCell>Order</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell>Available</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.transactions.map((t: any) => (
                      <Table.Row key={t.id} data-testid="transaction-row">
                        <Table.Cell>{dateTime(t.created_at)}</Table.Cell>
                        <Table.Cell>{human(t.type)}</Table.Cell>
                        <Table.Cell>
                          {t.vendor_order_id ? (
                            <Link className="text-ui-fg-interactive" to={`/orders/${t.vendor_order_id}`}>
                              View
                            </Link>
                          ) : t.payout_id ? (
                            <Link className="text-ui-fg-interactive" to={`/payouts/${t.payout_id}`}>
                              Payout
                            </Link>
                          ) : (
                            (t.note ?? "–")
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          <Badge size="2xsmall" color={statusColor(t.status)}>
                            {human(t.status)}
                          </Badge>
                        </Table.Cell>
                        <Table.Cell>{date(t.available_at)}</Table.Cell>
                        <Table.Cell className={`text-right tabular-nums ${Number(t.amount) < 0 ? "text-ui-fg-error" : ""}`}>
                          {money(t.amount, t.currency_code)}
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
