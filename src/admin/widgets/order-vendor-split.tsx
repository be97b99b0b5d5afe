import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Empty, queryState } from "../components/states"
import { money, statusColor } from "../lib/format"
import { get } from "../lib/sdk"

/** Order page: the vendor split, with each vendor order's status, total, commission and net. */
const OrderVendorSplitWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const split = useQuery({
    queryKey: ["lilium-order-split", order.id],
    queryFn: () => get<{ vendor_orders: any[]; marketplace_status?: string }>(`/admin/orders/${order.id}/vendor-orders`),
  })
  return (
    <Container className="divide-y p-0" data-testid="widget-order-split">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Vendor split</Heading>
        {split.data?.marketplace_status && (
          <StatusBadge color={statusColor(split.data.marketplace_status)}>{split.data.marketplace_status}</StatusBadge>
        )}
      </div>
      {queryState(split, {
        what: "The vendor split",
        rows: 2,
        empty: !split.data?.vendor_orders.length && <Empty title="Not split" description="This order has no vendor orders." />,
      }) ??
        split.data!.vendor_orders.map((vo) => (
          <div key={vo.id} className="flex flex-col gap-1 px-6 py-3">
            <div className="flex items-center justify-between">
              <Link
                to={`/vendors/${vo.vendor?.id ?? vo.vendor_id}`}
                className="text-ui-fg-interactive txt-compact-small-plus hover:underline"
              >
                {vo.vendor?.name ?? vo.vendor_id} · #{vo.display_id}
              </Link>
              <StatusBadge color={statusColor(vo.status)}>{vo.status}</StatusBadge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {money(vo.total, vo.currency_code)} · commission {money(vo.commission_total, vo.currency_code)} · net{" "}
              {money(vo.net_total ?? vo.total - vo.commission_total, vo.currency_code)}
            </Text>
          </div>
        ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderVendorSplitWidget
