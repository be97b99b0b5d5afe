import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Empty, queryState } from "../components/states"
import { limitLabel, ROLE_LABEL } from "../lib/company"
import { money, statusColor } from "../lib/format"
import { get } from "../lib/sdk"

/** Customer page: the buying company this customer works for, and their role in it. */
const CustomerCompanyWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const company = useQuery({
    queryKey: ["lilium-customer-company", customer.id],
    queryFn: () => get<{ company: any; employee: any }>(`/admin/customers/${customer.id}/company`),
  })
  const c = company.data?.company
  const e = company.data?.employee
  return (
    <Container className="divide-y p-0" data-testid="widget-customer-company">
      <div className="px-6 py-4">
        <Heading level="h2">Company</Heading>
      </div>
      {queryState(company, {
        what: "The company",
        rows: 1,
        empty: !c && <Empty title="Not in a company" description="This customer buys for themselves." />,
      }) ?? (
        <div className="flex flex-col gap-1 px-6 py-3">
          <div className="flex items-center justify-between">
            <Link to={`/companies/${c.id}`} className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              {c.name}
            </Link>
            <StatusBadge color={statusColor(c.status)}>{c.status}</StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-company-role">
            {ROLE_LABEL[e.role] ?? e.role} · {limitLabel(e.spending_limit, e.spending_period, (a) => money(a, c.currency_code))}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerCompanyWidget
