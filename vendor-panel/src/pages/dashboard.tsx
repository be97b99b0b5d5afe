import { Badge, Button, Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { SalesChart } from "../components/sales-chart"
import { Card, Empty, NativeSelect, Page, QueryView } from "../components/states"
import { api, downloadCsv } from "../lib/client"
import { money } from "../lib/format"

const RANGES = { "7": "Last 7 days", "30": "Last 30 days", "90": "Last 90 days" } as const

function Stat({ label, value, change, testId }: { label: string; value: string; change?: number | null; testId: string }) {
  return (
    <Container className="flex flex-col gap-1 p-4" data-testid={testId}>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" className="tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {change !== undefined && change !== null && (
        <Badge size="2xsmall" color={change >= 0 ? "green" : "red"} className="w-fit">
          {change >= 0 ? "+" : ""}
          {(change * 100).toFixed(1)}% vs previous
        </Badge>
      )}
    </Container>
  )
}

/** GET /vendor/analytics/overview and /sales: the vendor's figures for a period, with the sales chart. */
export function DashboardPage() {
  const [days, setDays] = useState<keyof typeof RANGES>("30")
  const [interval, setInterval] = useState<"day" | "week" | "month">("day")
  const range = () => {
    // Up to the end of the current hour (the analytics roll up by the hour), so today's orders count.
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000)
    const from = new Date(to.getTime() - Number(days) * 86_400_000)
    return { from: from.toISOString(), to: to.toISOString() }
  }
  const overview = useQuery({
    queryKey: ["analytics-overview", days],
    queryFn: () => api("/vendor/analytics/overview", { query: range() }),
  })
  const sales = useQuery({
    queryKey: ["analytics-sales", days, interval],
    queryFn: () => api("/vendor/analytics/sales", { query: { ...range(), interval } }),
  })
  return (
    <Page
      title="Dashboard"
      testId="dashboard"
      actions={
        <NativeSelect value={days} onChange={(e) => setDays(e.target.value as keyof typeof RANGES)} aria-label="Period">
          {Object.entries(RANGES).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </NativeSelect>
      }
    >
      <QueryView query={overview} rows={3}>
        {({ overview: o }: any) => (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat testId="stat-gmv" label="Sales (GMV)" value={money(o.gmv, o.currency_code)} change={o.change?.gmv} />
            <Stat testId="stat-net" label="Your net" value={money(o.net_total, o.currency_code)} change={o.change?.net_total} />
            <Stat testId="stat-orders" label="Orders" value={String(o.vendor_order_count)} change={o.change?.vendor_order_count} />
            <Stat
              testId="stat-aov"
              label="Average order"
              value={money(o.average_order_value, o.currency_code)}
              change={o.change?.average_order_value}
            />
            <Stat testId="stat-commission" label="Commission" value={money(o.commission_total, o.currency_code)} />
            <Stat testId="stat-buyers" label="Buyers" value={String(o.buyer_count)} />
            <Stat testId="stat-pending" label="Pending balance" value={money(o.pending_balance, o.currency_code)} />
            <Stat testId="stat-payouts" label="Payouts received" value={money(o.payouts_received, o.currency_code)} />
          </div>
        )}
      </QueryView>
      <Card
        title="Sales"
        actions={
          <>
            <NativeSelect value={interval} onChange={(e) => setInterval(e.target.value as "day")} aria-label="Interval">
              <option value="day">By day</option>
              <option value="week">By week</option>
              <option value="month">By month</option>
            </NativeSelect>
            <Button
              size="small"
              variant="secondary"
              onClick={() => downloadCsv("/vendor/analytics/sales", { ...range(), interval }, `sales-${interval}.csv`)}
            >
              CSV
            </Button>
          </>
        }
      >
        <div className="p-6">
          <QueryView query={sales}>
            {(s: any) =>
              s.series.every((p: any) => Number(p.gmv) === 0) ? (
                <Empty title="No sales in this period">Orders you receive show up here once they are placed.</Empty>
              ) : (
                <SalesChart series={s.series} currency={s.currency_code} />
              )
            }
          </QueryView>
        </div>
      </Card>
    </Page>
  )
}
