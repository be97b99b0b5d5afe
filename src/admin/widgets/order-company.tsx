import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Empty, queryState } from "../components/states"
import { personName, ROLE_LABEL } from "../lib/company"
import { money, statusColor } from "../lib/format"
import { get } from "../lib/sdk"

/** Order page: the company that bought the order, and the employee who placed it. */
const OrderCompanyWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const bought = useQuery({
    queryKey: ["lilium-order-company", order.id],
    queryFn: () => get<{ company: any; company_order: any }>(`/admin/orders/${order.id}/company`),
  })
  const c = bought.data?.company
  const o = bought.data?.company_order
  return (
    <Container className="divide-y p-0" data-testid="widget-order-company">
      <div className="px-6 py-4">
        <Heading level="h2">Buying company</Heading>
      </div>
      {queryState(bought, {
        what: "The buying company",
        rows: 1,
        empty: !c && <Empty title="No company" description="This order was not placed for a company." />,
      }) ?? (
        <div className="flex flex-col gap-1 px-6 py-3">
          <div className="flex items-center justify-between">
            <Link to={`/companies/${c.id}`} className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              {c.name}
            </Link>
            <StatusBadge color={statusColor(c.status)}>{c.status}</StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Placed by {personName(o.employee.customer)} ({ROLE_LABEL[o.employee.role] ?? o.employee.role ?? "former employee"}
            {o.employee.removed ? ", since left" : ""}) · net {money(o.net_total, o.currency_code)}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderCompanyWidget
