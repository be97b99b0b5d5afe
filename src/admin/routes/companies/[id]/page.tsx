import { Button, Container, Drawer, Heading, Input, Label, Select, StatusBadge, Table, Tabs, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { Pager } from "../../../components/pager"
import { Empty, LoadingRows, queryState } from "../../../components/states"
import { limitLabel, PAYMENT_TERMS_LABEL, personName, ROLE_LABEL } from "../../../lib/company"
import { date, money, statusColor } from "../../../lib/format"
import { errorMessage, get, post } from "../../../lib/sdk"

const ORDERS_LIMIT = 10

/** One of the spend figures: net, with what was placed and what came back. */
function SpendCard({ title, totals, currency, testId }: { title: string; totals: any; currency: string; testId: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-md border px-4 py-3" data-testid={testId}>
      <Text size="small" className="text-ui-fg-subtle">
        {title}
      </Text>
      <Text size="large" weight="plus">
        {money(totals.net_total, currency)}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {totals.order_count} order{totals.order_count === 1 ? "" : "s"} · {money(totals.total, currency)} placed ·{" "}
        {money(totals.refunded_total, currency)} refunded
      </Text>
    </div>
  )
}

/** The operator's settings (payment terms, credit limit) in a drawer; the API checks them and its message is shown. */
function TermsDrawer({ company, onClose }: { company: any; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [terms, setTerms] = useState<string>(company.payment_terms)
  const [limit, setLimit] = useState<string>(company.credit_limit === null ? "" : String(company.credit_limit))
  const [error, setError] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: () => {
      const text = limit.trim()
      if (text !== "" && !Number.isFinite(Number(text))) throw new Error("The credit limit must be a number, or empty for no limit.")
      return post(`/admin/companies/${company.id}`, { payment_terms: terms, credit_limit: text === "" ? null : Number(text) })
    },
    onSuccess: (data: any) => {
      toast.success("Company saved")
      queryClient.setQueryData(["lilium-company", company.id], data)
      queryClient.invalidateQueries({ queryKey: ["lilium-companies"] })
      setError(null)
      onClose()
    },
    onError: (e) => setError(errorMessage(e)),
  })
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Payment terms and credit limit</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <Label>Payment terms</Label>
            <Select value={terms} onValueChange={setTerms}>
              <Select.Trigger data-testid="company-terms">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(PAYMENT_TERMS_LABEL).map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="company-credit-limit">Credit limit ({company.currency_code.toUpperCase()}; empty for none)</Label>
            <Input
              id="company-credit-limit"
              type="number"
              min="0"
              step="0.01"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              data-testid="company-credit-limit"
            />
          </div>
          {error && (
            <Text size="small" className="text-ui-fg-error" data-testid="company-form-error">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="company-save">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** The company's orders, newest first, paged by the API. */
function OrdersTable({ id }: { id: string }) {
  const [offset, setOffset] = useState(0)
  const orders = useQuery({
    queryKey: ["lilium-company-orders", id, offset],
    queryFn: () => get<{ orders: any[]; count: number }>(`/admin/companies/${id}/orders`, { offset, limit: ORDERS_LIMIT }),
  })
  const state = queryState(orders, {
    what: "The orders",
    rows: 3,
    empty: !orders.data?.orders.length && (
      <Empty title="No orders yet" description="Orders placed by the company's employees appear here." />
    ),
  })
  if (state) return state
  return (
    <>
      <Table data-testid="table-company-orders">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Placed by</Table.HeaderCell>
            <Table.HeaderCell>Total</Table.HeaderCell>
            <Table.HeaderCell>Refunded</Table.HeaderCell>
            <Table.HeaderCell>Net</Table.HeaderCell>
            <Table.HeaderCell>Placed</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {orders.data!.orders.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>
                <Link to={`/orders/${o.order_id}`} className="text-ui-fg-interactive hover:underline">
                  #{o.display_id ?? o.order_id}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${o.employee.customer.id}`} className="text-ui-fg-interactive hover:underline">
                  {personName(o.employee.customer)}
                </Link>
                {o.employee.removed && <span className="text-ui-fg-subtle"> (left)</span>}
              </Table.Cell>
              <Table.Cell>{money(o.total, o.currency_code)}</Table.Cell>
              <Table.Cell>{o.refunded_total ? money(o.refunded_total, o.currency_code) : "–"}</Table.Cell>
              <Table.Cell>{money(o.net_total, o.currency_code)}</Table.Cell>
              <Table.Cell>{date(o.placed_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager offset={offset} limit={ORDERS_LIMIT} count={orders.data!.count} onChange={setOffset} />
    </>
  )
}

/** A company: status (suspend / reactivate), terms and credit limit, spend, employees and orders. */
const CompanyPage = () => {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [editing, setEditing] = useState(false)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ["lilium-company", id],
    queryFn: () => get<{ company: any }>(`/admin/companies/${id}`),
  })
  const setStatus = useMutation({
    mutationFn: (status: "active" | "suspended") => post(`/admin/companies/${id}`, { status }),
    onSuccess: (result: any, status) => {
      toast.success(status === "suspended" ? "Company suspended" : "Company reactivated")
      queryClient.setQueryData(["lilium-company", id], result)
      queryClient.invalidateQueries({ queryKey: ["lilium-companies"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })

  if (isLoading)
    return (
      <Container>
        <LoadingRows />
      </Container>
    )
  if (isError || !data)
    return (
      <Container>
        <Empty title="The company could not be loaded" description={errorMessage(error)} />
      </Container>
    )
  const c = data.company
  const suspended = c.status === "suspended"
  const changeStatus = async () => {
    const ok = await prompt({
      title: `${suspended ? "Reactivate" : "Suspend"} ${c.name}?`,
      description: suspended
        ? "Its employees can check out again."
        : "Its employees can no longer check out until the company is reactivated. Orders already placed are not affected.",
      confirmText: suspended ? "Reactivate" : "Suspend",
      cancelText: "Cancel",
    })
    if (ok) setStatus.mutate(suspended ? "active" : "suspended")
  }

  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between px-6 py-4">
          <div>
            <Heading>{c.name}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {c.email}
              {c.tax_id ? ` · ${c.tax_id}` : ""}
              {c.phone ? ` · ${c.phone}` : ""} · since {date(c.created_at)}
            </Text>
          </div>
          <StatusBadge color={statusColor(c.status)} data-testid="company-status">
            {c.status}
          </StatusBadge>
        </div>
        <div className="flex gap-2 px-6 py-4">
          <Button
            size="small"
            variant={suspended ? "primary" : "danger"}
            isLoading={setStatus.isPending}
            onClick={changeStatus}
            data-testid={suspended ? "company-reactivate" : "company-suspend"}
          >
            {suspended ? "Reactivate" : "Suspend"}
          </Button>
          <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="company-edit-terms">
            Edit terms
          </Button>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <Text size="small" data-testid="company-payment-terms">
            <span className="text-ui-fg-subtle">Payment terms:</span> {PAYMENT_TERMS_LABEL[c.payment_terms] ?? c.payment_terms}
          </Text>
          <Text size="small" data-testid="company-credit-limit-value">
            <span className="text-ui-fg-subtle">Credit limit:</span>{" "}
            {c.credit_limit === null ? "None" : money(c.credit_limit, c.currency_code)}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">Currency:</span> {c.currency_code.toUpperCase()}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">Time zone:</span> {c.timezone}
          </Text>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <SpendCard
            title="Spent this month (net of refunds)"
            totals={c.spend.this_month}
            currency={c.spend.currency_code}
            testId="spend-this-month"
          />
          <SpendCard
            title="Spent all time (net of refunds)"
            totals={c.spend.all_time}
            currency={c.spend.currency_code}
            testId="spend-all-time"
          />
        </div>
      </Container>
      <Container className="p-0">
        <Tabs defaultValue="employees">
          <Tabs.List className="px-6 pt-4">
            <Tabs.Trigger value="employees">Employees ({c.employees.length})</Tabs.Trigger>
            <Tabs.Trigger value="orders">Orders ({c.order_count})</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="employees">
            {c.employees.length ? (
              <Table data-testid="table-company-employees">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Name</Table.HeaderCell>
                    <Table.HeaderCell>Email</Table.HeaderCell>
                    <Table.HeaderCell>Role</Table.HeaderCell>
                    <Table.HeaderCell>Spending limit</Table.HeaderCell>
                    <Table.HeaderCell>Joined</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {c.employees.map((e: any) => (
                    <Table.Row key={e.id} data-testid={`employee-row-${e.customer?.email ?? e.id}`}>
                      <Table.Cell>
                        <Link to={`/customers/${e.customer_id}`} className="text-ui-fg-interactive hover:underline">
                          {personName(e.customer)}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{e.customer?.email ?? "–"}</Table.Cell>
                      <Table.Cell>{ROLE_LABEL[e.role] ?? e.role}</Table.Cell>
                      <Table.Cell>{limitLabel(e.spending_limit, e.spending_period, (a) => money(a, c.currency_code))}</Table.Cell>
                      <Table.Cell>{date(e.created_at)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <Empty title="No employees" />
            )}
          </Tabs.Content>
          <Tabs.Content value="orders">
            <OrdersTable id={c.id} />
          </Tabs.Content>
        </Tabs>
      </Container>
      {/* Mounted on opening, so the form starts from the company as it is now. */}
      {editing && <TermsDrawer company={c} onClose={() => setEditing(false)} />}
    </div>
  )
}

export default CompanyPage
