import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Label, Select, StatusBadge, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Pager } from "../../components/pager"
import { Empty, queryState } from "../../components/states"
import { money } from "../../lib/format"
import { errorMessage, get, post } from "../../lib/sdk"

const LIMIT = 20
const SCOPES = ["global", "vendor", "product_type", "product_collection", "product_category", "product"]

type Rule = {
  id: string
  name: string
  rate_type: "percentage" | "flat"
  value: number
  currency_code: string | null
  min_amount: number | null
  max_amount: number | null
  scope: { type: string; id: string | null }
  priority: number
  include_shipping: boolean
  is_active: boolean
  overrides_vendor_floor?: boolean
}

const CATALOGUE = ["product_category", "product_collection", "product_type"]
const blank = {
  name: "",
  rate_type: "percentage",
  value: "",
  currency_code: "",
  min_amount: "",
  max_amount: "",
  scope_type: "global",
  scope_id: "",
  priority: "0",
  include_shipping: false,
  overrides_vendor_floor: false,
}

function rate(r: Rule) {
  return r.rate_type === "percentage" ? `${r.value}%` : `${money(r.value, r.currency_code)} per unit`
}

/** The create/edit form, in a drawer: every field the API takes, validated by the API (its message is shown). */
function RuleDrawer({ rule, open, onClose }: { rule: Rule | null; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<any>(blank)
  const [loadedFor, setLoadedFor] = useState<string | null | undefined>(undefined)
  if (open && loadedFor !== (rule?.id ?? null)) {
    setLoadedFor(rule?.id ?? null)
    setForm(
      rule
        ? {
            name: rule.name,
            rate_type: rule.rate_type,
            value: String(rule.value),
            currency_code: rule.currency_code ?? "",
            min_amount: rule.min_amount ?? "",
            max_amount: rule.max_amount ?? "",
            scope_type: rule.scope.type,
            scope_id: rule.scope.id ?? "",
            priority: String(rule.priority),
            include_shipping: rule.include_shipping,
            overrides_vendor_floor: !!rule.overrides_vendor_floor,
          }
        : blank
    )
  }
  const set = (k: string) => (v: any) => setForm((f: any) => ({ ...f, [k]: v }))
  const save = useMutation({
    mutationFn: () => {
      const num = (v: string) => (v === "" || v === null ? null : Number(v))
      const body: Record<string, unknown> = {
        name: form.name,
        rate_type: form.rate_type,
        value: Number(form.value),
        currency_code: form.currency_code || null,
        min_amount: num(form.min_amount),
        max_amount: num(form.max_amount),
        scope: { type: form.scope_type, id: form.scope_type === "global" ? null : form.scope_id || null },
        priority: Number(form.priority || 0),
        include_shipping: form.include_shipping,
        // Only catalogue rules can go below a vendor's floor (docs/commission.md).
        overrides_vendor_floor: CATALOGUE.includes(form.scope_type) ? !!form.overrides_vendor_floor : false,
      }
      return post(rule ? `/admin/commission-rules/${rule.id}` : "/admin/commission-rules", body)
    },
    onSuccess: () => {
      toast.success(rule ? "Commission rule saved" : "Commission rule created")
      queryClient.invalidateQueries({ queryKey: ["lilium-commission-rules"] })
      setLoadedFor(undefined)
      onClose()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Drawer open={open} onOpenChange={(o) => !o && (setLoadedFor(undefined), onClose())}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{rule ? "Edit commission rule" : "Create commission rule"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-4 overflow-y-auto">
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-name">Name</Label>
            <Input id="rule-name" value={form.name} onChange={(e) => set("name")(e.target.value)} />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-1">
              <Label>Rate type</Label>
              <Select value={form.rate_type} onValueChange={set("rate_type")}>
                <Select.Trigger data-testid="rule-rate-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="percentage">Percentage</Select.Item>
                  <Select.Item value="flat">Flat per unit</Select.Item>
                </Select.Content>
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-value">{form.rate_type === "percentage" ? "Percent" : "Amount per unit"}</Label>
              <Input id="rule-value" type="number" step="0.01" value={form.value} onChange={(e) => set("value")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-currency">Currency (flat rates, min/max)</Label>
              <Input
                id="rule-currency"
                placeholder="eur"
                value={form.currency_code}
                onChange={(e) => set("currency_code")(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-priority">Priority</Label>
              <Input id="rule-priority" type="number" value={form.priority} onChange={(e) => set("priority")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-min">Minimum per line</Label>
              <Input id="rule-min" type="number" step="0.01" value={form.min_amount} onChange={(e) => set("min_amount")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-max">Maximum per line</Label>
              <Input id="rule-max" type="number" step="0.01" value={form.max_amount} onChange={(e) => set("max_amount")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label>Applies to</Label>
              <Select value={form.scope_type} onValueChange={set("scope_type")}>
                <Select.Trigger data-testid="rule-scope-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SCOPES.map((s) => (
                    <Select.Item key={s} value={s}>
                      {s.replace("_", " ")}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rule-scope-id">Id of the {form.scope_type.replace("_", " ")}</Label>
              <Input
                id="rule-scope-id"
                disabled={form.scope_type === "global"}
                value={form.scope_id}
                onChange={(e) => set("scope_id")(e.target.value)}
              />
            </div>
          </div>
          <div className="flex items-center gap-2">
            <Switch id="rule-shipping" checked={form.include_shipping} onCheckedChange={set("include_shipping")} />
            <Label htmlFor="rule-shipping">Charge commission on shipping too</Label>
          </div>
          {CATALOGUE.includes(form.scope_type) && (
            <div className="flex items-center gap-2">
              <Switch id="rule-floor" checked={!!form.overrides_vendor_floor} onCheckedChange={set("overrides_vendor_floor")} />
              <Label htmlFor="rule-floor">
                May charge less than the vendor's own rate (vendors choose their products' categories, collections and types)
              </Label>
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="rule-save">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** What a line would be charged: the split's own rule resolution, through POST /admin/commission-rules/preview. */
function PreviewCalculator() {
  const [form, setForm] = useState({ vendor_id: "", product_id: "", unit_price: "", quantity: "1", currency_code: "eur" })
  const [result, setResult] = useState<any>(null)
  const preview = useMutation({
    mutationFn: () =>
      post("/admin/commission-rules/preview", {
        vendor_id: form.vendor_id,
        ...(form.product_id ? { product_id: form.product_id } : {}),
        unit_price: Number(form.unit_price),
        quantity: Number(form.quantity),
        currency_code: form.currency_code,
      }),
    onSuccess: setResult,
    onError: (e) => toast.error(errorMessage(e)),
  })
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }))
  return (
    <Container className="flex flex-col gap-3 px-6 py-4">
      <Heading level="h2">Preview</Heading>
      <div className="grid grid-cols-5 gap-2">
        <Input placeholder="Vendor id" value={form.vendor_id} onChange={set("vendor_id")} />
        <Input placeholder="Product id (optional)" value={form.product_id} onChange={set("product_id")} />
        <Input placeholder="Unit price" type="number" step="0.01" value={form.unit_price} onChange={set("unit_price")} />
        <Input placeholder="Quantity" type="number" value={form.quantity} onChange={set("quantity")} />
        <Input placeholder="Currency" value={form.currency_code} onChange={set("currency_code")} />
      </div>
      <div className="flex items-center gap-3">
        <Button size="small" variant="secondary" isLoading={preview.isPending} onClick={() => preview.mutate()}>
          Calculate
        </Button>
        {result && (
          <Text size="small" data-testid="preview-result">
            {money(result.amount, form.currency_code)} on {money(result.base_amount, form.currency_code)}
            {result.rule ? ` by “${result.rule.name}”` : " (no rule applies)"}
          </Text>
        )}
      </div>
    </Container>
  )
}

/** Commission rules: list, create, edit, deactivate, and the preview calculator. */
const CommissionRulesPage = () => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<Rule | null>(null)
  const [open, setOpen] = useState(false)
  const rules = useQuery({
    queryKey: ["lilium-commission-rules", offset],
    queryFn: () => get<{ commission_rules: Rule[]; count: number }>("/admin/commission-rules", { offset, limit: LIMIT }),
  })
  const toggle = useMutation({
    mutationFn: (r: Rule) => post(`/admin/commission-rules/${r.id}`, { is_active: !r.is_active }),
    onSuccess: (_, r) => {
      toast.success(r.is_active ? "Rule deactivated" : "Rule activated")
      queryClient.invalidateQueries({ queryKey: ["lilium-commission-rules"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const deactivate = async (r: Rule) => {
    if (!r.is_active) return toggle.mutate(r)
    const ok = await prompt({
      title: `Deactivate “${r.name}”?`,
      description: "New orders stop using it; orders already placed keep their commission.",
      confirmText: "Deactivate",
      cancelText: "Cancel",
    })
    if (ok) toggle.mutate(r)
  }
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Commission rules</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The most specific active rule charges each line (product, category, collection, type, vendor, global).
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => (setEditing(null), setOpen(true))} data-testid="rule-create">
            Create
          </Button>
        </div>
        {queryState(rules, {
          what: "The rules",
          empty: !rules.data?.commission_rules.length && (
            <Empty title="No commission rules" description="Without rules the marketplace charges no commission." />
          ),
        }) ?? (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Rate</Table.HeaderCell>
                  <Table.HeaderCell>Applies to</Table.HeaderCell>
                  <Table.HeaderCell>Priority</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rules.data!.commission_rules.map((r) => (
                  <Table.Row key={r.id} data-testid={`rule-row-${r.name}`}>
                    <Table.Cell>{r.name}</Table.Cell>
                    <Table.Cell>{rate(r)}</Table.Cell>
                    <Table.Cell>
                      {r.scope.type.replace("_", " ")}
                      {r.scope.id ? ` ${r.scope.id}` : ""}
                    </Table.Cell>
                    <Table.Cell>{r.priority}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={r.is_active ? "green" : "grey"}>{r.is_active ? "active" : "inactive"}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell className="flex justify-end gap-2">
                      <Button size="small" variant="transparent" onClick={() => (setEditing(r), setOpen(true))}>
                        Edit
                      </Button>
                      <Button size="small" variant="transparent" onClick={() => deactivate(r)}>
                        {r.is_active ? "Deactivate" : "Activate"}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Pager offset={offset} limit={LIMIT} count={rules.data!.count} onChange={setOffset} />
          </>
        )}
      </Container>
      <PreviewCalculator />
      <RuleDrawer rule={editing} open={open} onClose={() => setOpen(false)} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Commission rules", icon: ReceiptPercent })

export default CommissionRulesPage
