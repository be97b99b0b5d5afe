import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Empty, queryState } from "../components/states"
import { statusColor } from "../lib/format"
import { get } from "../lib/sdk"

/** Product page: who sells this product. */
const ProductVendorWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const vendor = useQuery({
    queryKey: ["lilium-product-vendor", product.id],
    queryFn: () => get<{ vendor: any }>(`/admin/products/${product.id}/vendor`),
  })
  return (
    <Container className="divide-y p-0" data-testid="widget-product-vendor">
      <div className="px-6 py-4">
        <Heading level="h2">Vendor</Heading>
      </div>
      {queryState(vendor, {
        what: "The vendor",
        rows: 1,
        empty: !vendor.data?.vendor && <Empty title="Sold by the marketplace" description="No vendor owns this product." />,
      }) ?? (
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Link to={`/vendors/${vendor.data!.vendor.id}`} className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              {vendor.data!.vendor.name}
            </Link>
            <Text size="small" className="text-ui-fg-subtle">
              {vendor.data!.vendor.email}
            </Text>
          </div>
          <StatusBadge color={statusColor(vendor.data!.vendor.status)}>{vendor.data!.vendor.status}</StatusBadge>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.before" })

export default ProductVendorWidget
