import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Container, Heading, Input, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Pager } from "../../components/pager"
import { Empty, queryState } from "../../components/states"
import { date, statusColor } from "../../lib/format"
import { get } from "../../lib/sdk"

const LIMIT = 20
const STATUSES = ["all", "pending", "active", "suspended", "rejected"]

/** Vendors: every vendor company, filtered by status and searched by name, handle or email. */
const VendorsPage = () => {
  const [status, setStatus] = useState("all")
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const vendors = useQuery({
    queryKey: ["lilium-vendors", status, q, offset],
    queryFn: () =>
      get<{ vendors: any[]; count: number }>("/admin/vendors", { status: status === "all" ? undefined : status, q, offset, limit: LIMIT }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Vendors</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The companies that sell on the marketplace.
          </Text>
        </div>
        <div className="flex gap-2">
          <Input
            size="small"
            type="search"
            placeholder="Search"
            value={q}
            onChange={(e) => (setQ(e.target.value), setOffset(0))}
            data-testid="vendor-search"
          />
          <Select size="small" value={status} onValueChange={(v) => (setStatus(v), setOffset(0))}>
            <Select.Trigger data-testid="vendor-status-filter">
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
      {queryState(vendors, {
        what: "The vendors",
        empty: !vendors.data?.vendors.length && (
          <Empty
            title="No vendors"
            description={q || status !== "all" ? "No vendor matches these filters." : "Vendors appear here when they apply."}
          />
        ),
      }) ?? (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Handle</Table.HeaderCell>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {vendors.data!.vendors.map((v) => (
                <Table.Row key={v.id} data-testid={`vendor-row-${v.handle}`}>
                  <Table.Cell>
                    <Link to={`/vendors/${v.id}`} className="text-ui-fg-interactive hover:underline">
                      {v.name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{v.handle}</Table.Cell>
                  <Table.Cell>{v.email}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={statusColor(v.status)}>{v.status}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell>{date(v.created_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager offset={offset} limit={LIMIT} count={vendors.data!.count} onChange={setOffset} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Vendors", icon: BuildingStorefront })

export default VendorsPage
