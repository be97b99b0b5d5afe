import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Container, Heading, Input, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Pager } from "../../components/pager"
import { Empty, queryState } from "../../components/states"
import { PAYMENT_TERMS_LABEL } from "../../lib/company"
import { date, money, statusColor } from "../../lib/format"
import { get } from "../../lib/sdk"

const LIMIT = 20
const STATUSES = ["all", "active", "suspended"]
const FIELDS = "id,name,email,tax_id,status,payment_terms,credit_limit,currency_code,created_at"

/** Companies: the buying companies, filtered by status and searched by name, e-mail or tax id. */
const CompaniesPage = () => {
  const [status, setStatus] = useState("all")
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const companies = useQuery({
    queryKey: ["lilium-companies", status, q, offset],
    queryFn: () =>
      get<{ companies: any[]; count: number }>("/admin/companies", {
        status: status === "all" ? undefined : status,
        q: q.trim(),
        offset,
        limit: LIMIT,
        fields: FIELDS,
      }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Companies</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The businesses that buy on the marketplace, with their employees.
          </Text>
        </div>
        <div className="flex gap-2">
          <Input
            size="small"
            type="search"
            placeholder="Name, e-mail or tax id"
            value={q}
            onChange={(e) => (setQ(e.target.value), setOffset(0))}
            data-testid="company-search"
          />
          <Select size="small" value={status} onValueChange={(v) => (setStatus(v), setOffset(0))}>
            <Select.Trigger data-testid="company-status-filter">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {s === "all" ? "All statuses" : s[0].toUpperCase() + s.slice(1)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {queryState(companies, {
        what: "The companies",
        empty: !companies.data?.companies.length && (
          <Empty
            title="No companies"
            description={q || status !== "all" ? "No company matches these filters." : "Companies appear here when a customer founds one."}
          />
        ),
      }) ?? (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Tax id</Table.HeaderCell>
                <Table.HeaderCell>Payment terms</Table.HeaderCell>
                <Table.HeaderCell>Credit limit</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {companies.data!.companies.map((c) => (
                <Table.Row key={c.id} data-testid={`company-row-${c.id}`}>
                  <Table.Cell>
                    <Link to={`/companies/${c.id}`} className="text-ui-fg-interactive hover:underline">
                      {c.name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{c.email}</Table.Cell>
                  <Table.Cell>{c.tax_id ?? "–"}</Table.Cell>
                  <Table.Cell>{PAYMENT_TERMS_LABEL[c.payment_terms] ?? c.payment_terms}</Table.Cell>
                  <Table.Cell>{c.credit_limit === null ? "–" : money(c.credit_limit, c.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={statusColor(c.status)}>{c.status}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell>{date(c.created_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager offset={offset} limit={LIMIT} count={companies.data!.count} onChange={setOffset} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Companies", icon: Buildings })

export default CompaniesPage
