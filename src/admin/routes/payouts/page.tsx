import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Label, Select, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Pager } from "../../components/pager"
import { Empty, queryState } from "../../components/states"
import { date, money, statusColor } from "../../lib/format"
import { errorMessage, get, post } from "../../lib/sdk"

const LIMIT = 20
const STATUSES = ["all", "pending", "processing", "paid", "failed"]
const PROVIDERS = ["all", "manual", "stripe-connect"]

/** Payouts: filter, run payouts now, mark manual payouts paid, retry failed ones. */
const PayoutsPage = () => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [status, setStatus] = useState("all")
  const [provider, setProvider] = useState("all")
  const [offset, setOffset] = useState(0)
  const [paying, setPaying] = useState<any>(null)
  const [reference, setReference] = useState("")
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["lilium-payouts"] })
  const payouts = useQuery({
    queryKey: ["lilium-payouts", status, provider, offset],
    queryFn: () =>
      get<{ payouts: any[]; count: number }>("/admin/payouts", {
        status: status === "all" ? undefined : status,
        provider: provider === "all" ? undefined : provider,
        offset,
        limit: LIMIT,
      }),
  })
  const run = useMutation({
    mutationFn: () => post<{ payout_run: { payouts: any[] } }>("/admin/payout-runs", {}),
    onSuccess: (r) => (toast.success(`Payout run done: ${r.payout_run.payouts.length} payout(s)`), refresh()),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const retry = useMutation({
    mutationFn: (id: string) => post<{ payout: any }>(`/admin/payouts/${id}/retry`, {}),
    onSuccess: (r) => (toast.success(`Payout ${r.payout.status}`), refresh()),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const markPaid = useMutation({
    mutationFn: () => post(`/admin/payouts/${paying.id}/mark-paid`, { reference }),
    onSuccess: () => (toast.success("Payout marked paid"), setPaying(null), setReference(""), refresh()),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const confirmRun = async () => {
    const ok = await prompt({
      title: "Run payouts now?",
      description: "Every active vendor with an active payout account is paid its available balance.",
      confirmText: "Run payouts",
      cancelText: "Cancel",
    })
    if (ok) run.mutate()
  }
  const confirmRetry = async (p: any) => {
    const ok = await prompt({
      title: "Retry this payout?",
      description: `${money(p.amount, p.currency_code)} through ${p.provider}.`,
      confirmText: "Retry",
      cancelText: "Cancel",
    })
    if (ok) retry.mutate(p.id)
  }
  const filter = (value: string, options: string[], onChange: (v: string) => void, label: string) => (
    <Select size="small" value={value} onValueChange={(v) => (onChange(v), setOffset(0))}>
      <Select.Trigger data-testid={`payout-filter-${label}`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o} value={o}>
            {o === "all" ? `All ${label}s` : o}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Payouts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Money paid out to vendors from their available balance.
          </Text>
        </div>
        <div className="flex gap-2">
          {filter(status, STATUSES, setStatus, "status")}
          {filter(provider, PROVIDERS, setProvider, "provider")}
          <Button size="small" isLoading={run.isPending} onClick={confirmRun} data-testid="payouts-run">
            Run payouts now
          </Button>
        </div>
      </div>
      {queryState(payouts, {
        what: "The payouts",
        empty: !payouts.data?.payouts.length && <Empty title="No payouts" description="Payouts appear after a payout run." />,
      }) ?? (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Vendor</Table.HeaderCell>
                <Table.HeaderCell>Amount</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Provider</Table.HeaderCell>
                <Table.HeaderCell>Reference</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {payouts.data!.payouts.map((p) => (
                <Table.Row key={p.id} data-testid={`payout-row-${p.id}`}>
                  <Table.Cell>
                    <Link to={`/vendors/${p.vendor_id}`} className="text-ui-fg-interactive hover:underline">
                      {p.vendor_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{money(p.amount, p.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={statusColor(p.status)}>{p.status}</StatusBadge>
                    {p.failure_reason && (
                      <Text size="xsmall" className="text-ui-fg-error">
                        {p.failure_reason}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>{p.provider}</Table.Cell>
                  <Table.Cell>{p.reference ?? "–"}</Table.Cell>
                  <Table.Cell>{date(p.created_at)}</Table.Cell>
                  <Table.Cell className="flex justify-end gap-2">
                    {p.provider === "manual" && (p.status === "processing" || p.status === "pending") && (
                      <Button size="small" variant="secondary" onClick={() => setPaying(p)}>
                        Mark paid
                      </Button>
                    )}
                    {(p.status === "failed" || (p.status === "processing" && p.provider !== "manual" && !p.reference)) && (
                      <Button size="small" variant="secondary" onClick={() => confirmRetry(p)}>
                        Retry
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager offset={offset} limit={LIMIT} count={payouts.data!.count} onChange={setOffset} />
        </>
      )}
      <Drawer open={!!paying} onOpenChange={(o) => !o && setPaying(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>Mark payout paid</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-2">
            <Text size="small">
              {paying && `${money(paying.amount, paying.currency_code)} to ${paying.vendor_id}, paid by bank transfer.`}
            </Text>
            <Label htmlFor="payout-reference">Bank reference</Label>
            <Input id="payout-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" disabled={!reference.trim()} isLoading={markPaid.isPending} onClick={() => markPaid.mutate()}>
              Mark paid
            </Button>
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Payouts", icon: CurrencyDollar })

export default PayoutsPage
