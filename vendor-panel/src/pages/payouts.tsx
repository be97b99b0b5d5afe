import { Badge, Button, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom"
import { Card, Empty, ErrorState, Loading, NativeSelect, Page, QueryView } from "../components/states"
import { api, errorMessage, post } from "../lib/client"
import { dateTime, human, money, statusColor } from "../lib/format"
import { can, useMe } from "../lib/session"
import { OffsetPagination } from "../components/offset-pagination"

const PAGE = 20
const STATUSES = ["pending", "processing", "paid", "failed"]

/** GET /vendor/payouts and the payout account (GET/POST /vendor/payout-account, Stripe onboarding link). */
export function PayoutsPage() {
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const navigate = useNavigate()
  const query = { limit: PAGE, offset, ...(status ? { status } : {}) }
  const payouts = useQuery({
    queryKey: ["payouts", query],
    queryFn: () => api("/vendor/payouts", { query }),
    placeholderData: keepPreviousData,
  })
  return (
    <Page title="Payouts" testId="payouts">
      <PayoutAccountCard />
      <Card
        title="Payouts"
        actions={
          <NativeSelect aria-label="Status" value={status} onChange={(e) => (setOffset(0), setStatus(e.target.value))}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {human(s)}
              </option>
            ))}
          </NativeSelect>
        }
      >
        <QueryView query={payouts}>
          {(data: any) =>
            data.payouts.length === 0 ? (
              <Empty title="No payouts yet">Your available balance is paid out by the marketplace's payout runs.</Empty>
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Created</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell>Provider</Table.HeaderCell>
                      <Table.HeaderCell>Reference</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.payouts.map((p: any) => (
                      <Table.Row key={p.id} className="cursor-pointer" onClick={() => navigate(`/payouts/${p.id}`)}>
                        <Table.Cell>{dateTime(p.created_at)}</Table.Cell>
                        <Table.Cell>
                          <Badge size="2xsmall" color={statusColor(p.status)}>
                            {human(p.status)}
                          </Badge>
                        </Table.Cell>
                        <Table.Cell>{p.provider}</Table.Cell>
                        <Table.Cell>{p.reference ?? "–"}</Table.Cell>
                        <Table.Cell className="text-right tabular-nums">{money(p.amount, p.currency_code)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
                <OffsetPagination count={data.count} offset={offset} pageSize={PAGE} onOffset={setOffset} />
              </div>
            )
          }
        </QueryView>
      </Card>
    </Page>
  )
}

export function PayoutAccountCard() {
  const me = useMe()
  const qc = useQueryClient()
  const [params] = useSearchParams()
  const account = useQuery({ queryKey: ["payout-account"], queryFn: () => api("/vendor/payout-account") })
  const [editing, setEditing] = useState(false)
  const [holder, setHolder] = useState("")
  const [iban, setIban] = useState("")
  const save = useMutation({
    mutationFn: () => post("/vendor/payout-account", { provider: "manual", details: { account_holder: holder.trim(), iban: iban.trim() } }),
    onSuccess: () => {
      toast.success("Payout account saved")
      setEditing(false)
      qc.invalidateQueries({ queryKey: ["payout-account"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const stripe = useMutation({
    mutationFn: () => post<{ url: string }>("/vendor/payout-account/onboarding-link", {}),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const manager = can(me.data, "managers")
  return (
    <Card
      title="Payout account"
      actions={
        manager && !editing ? (
          <>
            <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
              Bank details
            </Button>
            <Button size="small" variant="secondary" isLoading={stripe.isPending} onClick={() => stripe.mutate()}>
              Stripe Connect
            </Button>
          </>
        ) : null
      }
    >
      {params.get("onboarding") && (
        <Text size="small" className="px-6 pt-4">
          {params.get("onboarding") === "done"
            ? "Stripe onboarding finished: the status updates when Stripe confirms it."
            : "The onboarding link expired: start again."}
        </Text>
      )}
      <QueryView query={account} rows={2}>
        {(data: any) => {
          const a = data.payout_account
          return (
            <div className="flex flex-col gap-3 px-6 py-4" data-testid="payout-account">
              {!a ? (
                <Text size="small" className="text-ui-fg-subtle">
                  No payout account yet: {manager ? "add bank details or connect Stripe." : "an owner or admin adds it."}
                </Text>
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <Badge color={statusColor(a.status)}>{human(a.status)}</Badge>
                  <Text size="small">{a.provider === "manual" ? "Bank transfer" : "Stripe Connect"}</Text>
                  {a.details?.account_holder && <Text size="small">{a.details.account_holder}</Text>}
                  {a.details?.iban && <Text size="small">{a.details.iban}</Text>}
                  {a.active_from && new Date(a.active_from) > new Date() && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Receives payouts from {dateTime(a.active_from)} (changed accounts wait before they are paid).
                    </Text>
                  )}
                  {a.status_reason && <Text size="xsmall">{a.status_reason}</Text>}
                </div>
              )}
              {editing && (
                <form
                  className="flex flex-wrap items-end gap-3"
                  onSubmit={(e) => {
                    e.preventDefault()
                    save.mutate()
                  }}
                >
                  <div className="flex flex-col gap-1">
                    <Label htmlFor="holder">Account holder</Label>
                    <Input id="holder" required value={holder} onChange={(e) => setHolder(e.target.value)} />
                  </div>
                  <div className="flex flex-col gap-1">
                    <Label htmlFor="iban">IBAN</Label>
                    <Input id="iban" required value={iban} onChange={(e) => setIban(e.target.value)} className="w-72" />
                  </div>
                  <Button size="small" type="submit" isLoading={save.isPending}>
                    Save
                  </Button>
                  <Button size="small" variant="transparent" type="button" onClick={() => setEditing(false)}>
                    Cancel
                  </Button>
                </form>
              )}
            </div>
          )
        }}
      </QueryView>
    </Card>
  )
}

/** GET /vendor/payouts/:id: a payout with the ledger rows it covers. */
export function PayoutDetailPage() {
  const { id } = useParams()
  const payout = useQuery({ queryKey: ["payout", id], queryFn: () => api(`/vendor/payouts/${id}`) })
  if (payout.isPending) return <Loading />
  if (payout.isError) return <ErrorState error={payout.error} retry={() => payout.refetch()} />
  const p = payout.data.payout
  return (
    <Page title={`Payout ${money(p.amount, p.currency_code)}`} actions={<Badge color={statusColor(p.status)}>{human(p.status)}</Badge>}>
      <Link to="/payouts" className="txt-small text-ui-fg-interactive w-fit">
        ← All payouts
      </Link>
      <Card title="Details">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 px-6 py-4 txt-small">
          <dt className="text-ui-fg-subtle">Created</dt>
          <dd>{dateTime(p.created_at)}</dd>
          <dt className="text-ui-fg-subtle">Paid</dt>
          <dd>{dateTime(p.paid_at)}</dd>
          <dt className="text-ui-fg-subtle">Provider</dt>
          <dd>{p.provider}</dd>
          <dt className="text-ui-fg-subtle">Reference</dt>
          <dd>{p.reference ?? "–"}</dd>
          {p.failure_reason && (
            <>
              <dt className="text-ui-fg-subtle">Failure</dt>
              <dd>{p.failure_reason}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="Covers">
        {(p.transactions ?? []).length === 0 ? (
          <Empty title="No ledger rows" />
        ) : (
          <Table>
            <Table.Body>
              {p.transactions.map((t: any) => (
                <Table.Row key={t.id}>
                  <Table.Cell>{dateTime(t.created_at)}</Table.Cell>
                  <Table.Cell>{human(t.type)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{money(t.amount, t.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Card>
    </Page>
  )
}
