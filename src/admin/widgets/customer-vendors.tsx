import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Empty, queryState } from "../components/states"
import { statusColor } from "../lib/format"
import { get } from "../lib/sdk"

/** Customer page: the vendors this customer has bought from. */
const CustomerVendorsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const vendors = useQuery({
    queryKey: ["lilium-customer-vendors", customer.id],
    queryFn: () => get<{ vendors: any[] }>(`/admin/customers/${customer.id}/vendors`),
  })
  return (
    <Container className="divide-y p-0" data-testid="widget-customer-vendors">
      <div className="px-6 py-4">
        <Heading level="h2">Vendors bought from</Heading>
      </div>
      {queryState(vendors, {
        what: "The vendors",
        rows: 2,
        empty: !vendors.data?.vendors.length && <Empty title="No purchases from vendors yet" />,
      }) ??
        vendors.data!.vendors.map((v) => (
          <div key={v.id} className="flex items-center justify-between px-6 py-3">
            <Link to={`/vendors/${v.id}`} className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              {v.name}
            </Link>
            <StatusBadge color={statusColor(v.status)}>{v.status}</StatusBadge>
          </div>
        ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerVendorsWidget
