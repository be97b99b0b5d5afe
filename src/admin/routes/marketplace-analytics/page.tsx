import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { SalesChart } from "../../components/sales-chart"
import { Empty, queryState } from "../../components/states"
import { money, percent } from "../../lib/format"
import { get } from "../../lib/sdk"

const day = (d: Date) => d.toISOString().slice(0, 10)
const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

function Kpi({ label, value, change }: { label: string; value: string; change?: number | null }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-ui-border-base p-4" data-testid={`kpi-${label}`}>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus">
        {value}
      </Text>
      {change !== undefined && (
        <Text size="xsmall" className={change === null ? "text-ui-fg-muted" : change >= 0 ? "text-ui-fg-interactive" : "text-ui-fg-error"}>
          {change === null ? "no previous period" : `${change >= 0 ? "+" : ""}${percent(change)} vs previous`}
        </Text>
      )}
    </div>
  )
}

/** A CSV download of the same query (the admin session cookie goes with it). */
function Csv({ path, query }: { path: string; query: Record<string, string> }) {
  const href = `${path}?${new URLSearchParams({ ...query, format: "csv" })}`
  return (
    <a
      href={href}
      download
      className="text-ui-fg-interactive txt-compact-small whitespace-nowrap hover:underline"
      data-testid={`csv-${path.split("/").pop()}`}
    >
      Download CSV
    </a>
  )
}

/** Marketplace analytics: KPIs with the change, sales by day/week/month, top lists, vendor performance. */
const AnalyticsPage = () => {
  const now = new Date()
  const [from, setFrom] = useState(day(new Date(now.getTime() - 29 * 86_400_000)))
  const [to, setTo] = useState(day(now))
  const [currency, setCurrency] = useState("eur")
  const [interval, setInterval] = useState("day")
  const [dimension, setDimension] = useState("vendor")
  const range = { currency_code: currency, from, to, tz }
  const overview = useQuery({
    queryKey: ["lilium-analytics-overview", range],
    queryFn: () => get<{ overview: any }>("/admin/analytics/overview", range),
  })
  const sales = useQuery({
    queryKey: ["lilium-analytics-sales", range, interval],
    queryFn: () => get<{ series: any[] }>("/admin/analytics/sales", { ...range, interval }),
  })
  const top = useQuery({
    queryKey: ["lilium-analytics-top", range, dimension],
    queryFn: () => get<{ rows: any[] }>("/admin/analytics/top", { ...range, dimension }),
  })
  const performance = useQuery({
    queryKey: ["lilium-analytics-performance", range],
    queryFn: () => get<{ vendors: any[] }>("/admin/analytics/vendors/performance", range),
  })
  const o = overview.data?.overview

  return (
    <div className="flex flex-col gap-3">
      <Container className="flex flex-wrap items-end justify-between gap-3 px-6 py-4">
        <div>
          <Heading>Marketplace analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Sales net of refunds, per currency; days in {tz}.
          </Text>
        </div>
        <div className="flex gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="from">From</Label>
            <Input id="from" type="date" size="small" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="to">To</Label>
            <Input id="to" type="date" size="small" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="currency">Currency</Label>
            <Input
              id="currency"
              size="small"
              className="w-20"
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toLowerCase())}
            />
          </div>
        </div>
      </Container>
      <Container className="px-6 py-4">
        {queryState(overview, { what: "The figures", rows: 2, empty: false }) ?? (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
            <Kpi label="GMV" value={money(o.gmv, o.currency_code)} change={o.change.gmv} />
            <Kpi label="Commission" value={money(o.commission_total, o.currency_code)} change={o.change.commission_total} />
            <Kpi label="Orders" value={String(o.order_count)} change={o.change.order_count} />
            <Kpi label="Vendor orders" value={String(o.vendor_order_count)} change={o.change.vendor_order_count} />
            <Kpi label="Average order" value={money(o.average_order_value, o.currency_code)} change={o.change.average_order_value} />
            <Kpi label="Buyers" value={String(o.buyer_count)} change={o.change.buyer_count} />
          </div>
        )}
      </Container>
      <Container className="flex flex-col gap-3 px-6 py-4">
        <div className="flex items-center justify-between">
          <Heading level="h2">Sales</Heading>
          <div className="flex items-center gap-3">
            <Csv path="/admin/analytics/sales" query={{ ...range, interval }} />
            <Select size="small" value={interval} onValueChange={setInterval}>
              <Select.Trigger data-testid="sales-interval">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="day">By day</Select.Item>
                <Select.Item value="week">By week</Select.Item>
                <Select.Item value="month">By month</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </div>
        {queryState(sales, {
          what: "The sales",
          rows: 4,
          empty: !sales.data?.series.some((p) => p.order_count > 0) && <Empty title="No sales in this period" />,
        }) ?? <SalesChart series={sales.data!.series} currency={currency} />}
      </Container>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <Container className="p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Top</Heading>
            <div className="flex items-center gap-3">
              <Csv path="/admin/analytics/top" query={{ ...range, dimension }} />
              <Select size="small" value={dimension} onValueChange={setDimension}>
                <Select.Trigger data-testid="top-dimension">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="vendor">Vendors</Select.Item>
                  <Select.Item value="product">Products</Select.Item>
                  <Select.Item value="category">Categories</Select.Item>
                  <Select.Item value="company">Buyer companies</Select.Item>
                </Select.Content>
              </Select>
            </div>
          </div>
          {queryState(top, {
            what: "The top list",
            rows: 3,
            empty: !top.data?.rows.length && <Empty title="Nothing sold in this period" />,
          }) ?? (
            <Table data-testid="top-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>GMV</Table.HeaderCell>
                  <Table.HeaderCell>Orders</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {top.data!.rows.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>{r.name ?? r.id}</Table.Cell>
                    <Table.Cell>{money(r.gmv, currency)}</Table.Cell>
                    <Table.Cell>{r.order_count}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Container>
        <Container className="p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Vendor performance</Heading>
            <Csv path="/admin/analytics/vendors/performance" query={range} />
          </div>
          {queryState(performance, {
            what: "Vendor performance",
            rows: 3,
            empty: !performance.data?.vendors.length && <Empty title="No vendor orders in this period" />,
          }) ?? (
            <Table data-testid="performance-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Vendor</Table.HeaderCell>
                  <Table.HeaderCell>Orders</Table.HeaderCell>
                  <Table.HeaderCell>Accepted</Table.HeaderCell>
                  <Table.HeaderCell>Hours to ship</Table.HeaderCell>
                  <Table.HeaderCell>Cancelled</Table.HeaderCell>
                  <Table.HeaderCell>Returns</Table.HeaderCell>
                  <Table.HeaderCell>Late</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {performance.data!.vendors.map((v) => (
                  <Table.Row key={v.vendor_id}>
                    <Table.Cell>{v.name ?? v.vendor_id}</Table.Cell>
                    <Table.Cell>{v.vendor_order_count}</Table.Cell>
                    <Table.Cell>{percent(v.acceptance_rate)}</Table.Cell>
                    <Table.Cell>{v.median_hours_to_ship ?? "–"}</Table.Cell>
                    <Table.Cell>{percent(v.cancellation_rate)}</Table.Cell>
                    <Table.Cell>{percent(v.return_rate)}</Table.Cell>
                    <Table.Cell>{percent(v.late_shipment_rate)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Container>
      </div>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Marketplace analytics", icon: ChartBar })

export default AnalyticsPage
