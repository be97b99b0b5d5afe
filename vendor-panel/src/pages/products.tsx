import { Badge, Button, Input, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { Card, Empty, ErrorState, Loading, NativeSelect, Page, QueryView } from "../components/states"
import { api, errorMessage, post } from "../lib/client"
import { human, money, statusColor } from "../lib/format"
import { can, useMe } from "../lib/session"
import { OffsetPagination } from "../components/offset-pagination"

const PAGE = 20
const DEFAULT_CURRENCIES = ["eur", "usd"]

/**
 * A variant's stock at the vendor's location (the API returns only that location's levels), or null when the variant
 * does not track stock. Reserved units are ordered but not shipped yet.
 */
function stockOf(v: any): { stocked: number; reserved: number } | null {
  if (!v.manage_inventory) return null
  const levels = (v.inventory_items?.[0]?.inventory?.location_levels ?? []).filter(Boolean)
  return {
    stocked: levels.reduce((n: number, l: any) => n + Number(l.stocked_quantity ?? 0), 0),
    reserved: levels.reduce((n: number, l: any) => n + Number(l.reserved_quantity ?? 0), 0),
  }
}

/** "12" or "12 (2 reserved)"; "Not tracked" when no variant tracks stock. */
function stockLabel(variants: any[]): string {
  const stocks = variants.map(stockOf).filter((s): s is { stocked: number; reserved: number } => s !== null)
  if (!stocks.length) return "Not tracked"
  const stocked = stocks.reduce((n, s) => n + s.stocked, 0)
  const reserved = stocks.reduce((n, s) => n + s.reserved, 0)
  return reserved ? `${stocked} (${reserved} reserved)` : String(stocked)
}

/** GET /vendor/products: the vendor's products, newest first, with publish/unpublish. */
export function ProductsPage() {
  const [offset, setOffset] = useState(0)
  const me = useMe()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const products = useQuery({
    queryKey: ["products", offset],
    queryFn: () => api("/vendor/products", { query: { limit: PAGE, offset } }),
    placeholderData: keepPreviousData,
  })
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) => post(`/vendor/products/${id}`, { status }),
    onSuccess: (_d, v) => {
      toast.success(v.status === "published" ? "Published" : "Unpublished")
      qc.invalidateQueries({ queryKey: ["products"] })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const catalog = can(me.data, "catalog")
  return (
    <Page
      title="Products"
      testId="products"
      actions={
        catalog && (
          <Button size="small" data-testid="new-product" onClick={() => navigate("/products/new")}>
            New product
          </Button>
        )
      }
    >
      <Card>
        <QueryView query={products}>
          {(data: any) =>
            data.products.length === 0 ? (
              <Empty title="No products yet">
                {catalog ? "Create your first product: it is sold once it is published." : "Members with the catalog role add products."}
              </Empty>
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Product</Table.HeaderCell>
                      <Table.HeaderCell>Variants</Table.HeaderCell>
                      <Table.HeaderCell>Price</Table.HeaderCell>
                      <Table.HeaderCell>In stock</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell />
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.products.map((p: any) => {
                      const price = p.variants?.[0]?.prices?.[0]
                      return (
                        <Table.Row key={p.id} data-testid={`product-row-${p.handle}`}>
                          <Table.Cell>
                            <Link to={`/products/${p.id}`} className="text-ui-fg-interactive">
                              {p.title}
                            </Link>
                          </Table.Cell>
                          <Table.Cell>{p.variants?.length ?? 0}</Table.Cell>
                          <Table.Cell className="tabular-nums">{price ? money(price.amount, price.currency_code) : "–"}</Table.Cell>
                          <Table.Cell className="tabular-nums" data-testid="product-stock">
                            {stockLabel(p.variants ?? [])}
                          </Table.Cell>
                          <Table.Cell>
                            <Badge size="2xsmall" color={statusColor(p.status)} data-testid="product-status">
                              {human(p.status)}
                            </Badge>
                          </Table.Cell>
                          <Table.Cell className="text-right">
                            {catalog && (
                              <Button
                                size="small"
                                variant="secondary"
                                data-testid="toggle-status"
                                disabled={setStatus.isPending}
                                onClick={() => setStatus.mutate({ id: p.id, status: p.status === "published" ? "draft" : "published" })}
                              >
                                {p.status === "published" ? "Unpublish" : "Publish"}
                              </Button>
                            )}
                          </Table.Cell>
                        </Table.Row>
                      )
                    })}
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

type VariantRow = {
  id?: string
  title: string
  /** A variant added to an existing product: its value of the product's option (the name when empty). */
  value?: string
  sku: string
  prices: Record<string, string>
  stock: string
  current?: { stocked: number; reserved: number } | null
}
const emptyVariant = (currencies: string[]): VariantRow => ({
  title: "",
  sku: "",
  prices: Object.fromEntries(currencies.map((c) => [c, ""])),
  stock: "",
})

/** /products/new and /products/:id: create or edit a product with its variants, prices and stock at the vendor's location. */
export function ProductFormPage() {
  const { id } = useParams()
  const isNew = !id || id === "new"
  const existing = useQuery({ queryKey: ["product", id], enabled: !isNew, queryFn: () => api(`/vendor/products/${id}`) })
  if (!isNew && existing.isPending) return <Loading rows={8} />
  if (!isNew && existing.isError) return <ErrorState error={existing.error} retry={() => existing.refetch()} />
  return <ProductForm key={id ?? "new"} product={isNew ? null : existing.data.product} />
}

function ProductForm({ product }: { product: any | null }) {
  const me = useMe()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const currencies: string[] = product
    ? [...new Set<string>(product.variants.flatMap((v: any) => v.prices.map((p: any) => p.currency_code)))].sort()
    : DEFAULT_CURRENCIES
  const [title, setTitle] = useState(product?.title ?? "")
  const [description, setDescription] = useState(product?.description ?? "")
  const [status, setStatus] = useState(product?.status ?? "published")
  const [optionTitle, setOptionTitle] = useState(product?.options?.[0]?.title ?? "Variant")
  const [variants, setVariants] = useState<VariantRow[]>(
    product
      ? product.variants.map((v: any) => ({
          id: v.id,
          title: v.title ?? "",
          sku: v.sku ?? "",
          prices: Object.fromEntries(currencies.map((c) => [c, String(v.prices.find((p: any) => p.currency_code === c)?.amount ?? "")])),
          stock: "",
          current: stockOf(v),
        }))
      : [emptyVariant(currencies)]
  )
  const [error, setError] = useState<string | null>(null)
  const editable = can(me.data, "catalog")
  // A variant is added to an existing product by its value of the product's option: the panel does this for
  // products with one option (every product it creates); others are edited through the API.
  const option = product?.options?.length === 1 ? product.options[0] : null
  const canAdd = editable && (!product || !!option)
  const update = (i: number, patch: Partial<VariantRow>) => setVariants(variants.map((v, n) => (n === i ? { ...v, ...patch } : v)))

  const save = useMutation({
    mutationFn: async () => {
      const priceList = (v: VariantRow) =>
        currencies.filter((c) => v.prices[c] !== "").map((c) => ({ currency_code: c, amount: Number(v.prices[c]) }))
      let saved: any
      if (!product) {
        const single = variants.length === 1 && !variants[0].title.trim()
        const names = variants.map((v, i) => v.title.trim() || (single ? "Default" : `Variant ${i + 1}`))
        const option = single ? "Default" : optionTitle.trim() || "Variant"
        saved = (
          await post("/vendor/products", {
            title: title.trim(),
            description: description.trim() || undefined,
            status,
            options: [{ title: option, values: names }],
            variants: variants.map((v, i) => ({
              title: names[i],
              sku: v.sku.trim() || undefined,
              manage_inventory: true,
              options: { [option]: names[i] },
              prices: priceList(v),
            })),
          })
        ).product
      } else {
        const added = variants.map((v, i) => [v, i] as const).filter(([v]) => !v.id)
        const valueOf = (v: VariantRow) => v.value?.trim() || v.title.trim()
        if (added.some(([v]) => !v.title.trim())) throw new Error("Name each new variant.")
        // Every saved variant goes in the body (Medusa's update removes the ones left out); new ones are added below.
        saved = (
          await post(`/vendor/products/${product.id}`, {
            title: title.trim(),
            description: description.trim() || null,
            status,
            variants: variants
              .filter((v) => v.id)
              .map((v) => ({ id: v.id, title: v.title.trim(), sku: v.sku.trim() || null, prices: priceList(v) })),
          })
        ).product
        if (added.length) {
          // New option values first (the product may only use values linked to it), then each variant with its stock.
          const known = new Set<string>((option.values ?? []).map((x: any) => x.value))
          const values = [...new Set(added.map(([v]) => valueOf(v)))].filter((x) => !known.has(x))
          if (values.length) await post(`/vendor/products/${product.id}/options/${option.id}`, { values })
          for (const [v, i] of added) {
            const before = new Set<string>(saved.variants.map((x: any) => x.id))
            saved = (
              await post(`/vendor/products/${product.id}/variants`, {
                title: v.title.trim(),
                sku: v.sku.trim() || undefined,
                options: { [option.title]: valueOf(v) },
                prices: priceList(v),
                stocked_quantity: v.stock === "" ? undefined : Number(v.stock),
              })
            ).product
            // Saved: a retry after a later failure edits it instead of adding it twice.
            const id = saved.variants.find((x: any) => !before.has(x.id))?.id
            setVariants((rows) => rows.map((r, n) => (n === i ? { ...r, id, stock: "" } : r)))
          }
        }
      }
      // Stock at the vendor's own location, per variant (the product body carries none; new variants got theirs).
      for (const [i, v] of variants.entries()) {
        if (v.stock === "" || (product && !v.id)) continue
        const variant = product
          ? saved.variants.find((x: any) => x.id === v.id)
          : saved.variants.find((x: any) => x.title === (v.title.trim() || (variants.length === 1 ? "Default" : `Variant ${i + 1}`)))
        if (variant) await post(`/vendor/products/${saved.id}/variants/${variant.id}/inventory`, { stocked_quantity: Number(v.stock) })
      }
      return saved
    },
    onSuccess: (saved) => {
      toast.success(product ? "Product saved" : "Product created")
      qc.invalidateQueries({ queryKey: ["products"] })
      qc.invalidateQueries({ queryKey: ["product", saved.id] })
      navigate("/products")
    },
    onError: (e) => setError(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: () => api(`/vendor/products/${product.id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success("Product deleted")
      qc.invalidateQueries({ queryKey: ["products"] })
      navigate("/products")
    },
    onError: (e) => toast.error(errorMessage(e)),
  })

  return (
    <Page title={product ? product.title : "New product"} testId="product-form">
      <Link to="/products" className="txt-small text-ui-fg-interactive w-fit">
        ← All products
      </Link>
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault()
          setError(null)
          save.mutate()
        }}
      >
        <Card title="General">
          <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="title">Title</Label>
              <Input id="title" name="title" required disabled={!editable} value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="status">Status</Label>
              <NativeSelect id="status" name="status" disabled={!editable} value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="published">Published (sold in the store)</option>
                <option value="draft">Draft (not sold)</option>
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1 md:col-span-2">
              <Label htmlFor="description">Description</Label>
              <Textarea id="description" disabled={!editable} value={description} onChange={(e) => setDescription(e.target.value)} />
            </div>
          </div>
        </Card>
        <Card
          title="Variants, prices and stock"
          actions={
            canAdd && (
              <Button
                size="small"
                variant="secondary"
                type="button"
                data-testid="add-variant"
                onClick={() => setVariants([...variants, emptyVariant(currencies)])}
              >
                Add variant
              </Button>
            )
          }
        >
          {!product && variants.length > 1 && (
            <div className="flex items-center gap-2 px-6 pt-4">
              <Label htmlFor="option-title">Variants differ by</Label>
              <Input id="option-title" className="w-40" value={optionTitle} onChange={(e) => setOptionTitle(e.target.value)} />
            </div>
          )}
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Variant</Table.HeaderCell>
                  <Table.HeaderCell>SKU</Table.HeaderCell>
                  {currencies.map((c) => (
                    <Table.HeaderCell key={c}>Price {c.toUpperCase()}</Table.HeaderCell>
                  ))}
                  {product && <Table.HeaderCell>In stock</Table.HeaderCell>}
                  <Table.HeaderCell>{product ? "Set stock to" : "Stock"}</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {variants.map((v, i) => (
                  <Table.Row key={i} data-testid={`variant-${i}`}>
                    <Table.Cell>
                      <Input
                        size="small"
                        aria-label="Variant name"
                        name={`variant-${i}-title`}
                        placeholder={variants.length === 1 ? "Default" : `Variant ${i + 1}`}
                        disabled={!editable}
                        value={v.title}
                        onChange={(e) => update(i, { title: e.target.value })}
                      />
                      {product && option && !v.id && (
                        <Input
                          size="small"
                          className="mt-1"
                          aria-label={`${option.title} value`}
                          name={`variant-${i}-value`}
                          placeholder={`${option.title}: ${v.title.trim() || "same as name"}`}
                          value={v.value ?? ""}
                          onChange={(e) => update(i, { value: e.target.value })}
                        />
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <Input
                        size="small"
                        aria-label="SKU"
                        name={`variant-${i}-sku`}
                        disabled={!editable}
                        value={v.sku}
                        onChange={(e) => update(i, { sku: e.target.value })}
                      />
                    </Table.Cell>
                    {currencies.map((c) => (
                      <Table.Cell key={c}>
                        <Input
                          size="small"
                          aria-label={`Price ${c.toUpperCase()}`}
                          name={`variant-${i}-price-${c}`}
                          type="number"
                          step="0.01"
                          min={0}
                          disabled={!editable}
                          value={v.prices[c]}
                          onChange={(e) => update(i, { prices: { ...v.prices, [c]: e.target.value } })}
                          className="w-28"
                        />
                      </Table.Cell>
                    ))}
                    {product && (
                      <Table.Cell className="tabular-nums whitespace-nowrap" data-testid={`variant-${i}-current-stock`}>
                        {!v.id
                          ? "New"
                          : !v.current
                            ? "Not tracked"
                            : `${v.current.stocked}${v.current.reserved ? ` (${v.current.reserved} reserved)` : ""}`}
                      </Table.Cell>
                    )}
                    <Table.Cell>
                      <Input
                        size="small"
                        aria-label="Stock"
                        name={`variant-${i}-stock`}
                        type="number"
                        min={0}
                        step={1}
                        disabled={!editable}
                        value={v.stock}
                        onChange={(e) => update(i, { stock: e.target.value })}
                        className="w-24"
                      />
                    </Table.Cell>
                    <Table.Cell>
                      {((!product && variants.length > 1) || (product && !v.id)) && (
                        <Button
                          size="small"
                          variant="transparent"
                          type="button"
                          onClick={() => setVariants(variants.filter((_, n) => n !== i))}
                        >
                          Remove
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
            Stock is kept at your own location. Prices are in each currency's major unit (e.g. 49.90).
          </Text>
        </Card>
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="product-error">
            {error}
          </Text>
        )}
        {editable && (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" data-testid="save-product" isLoading={save.isPending}>
              {product ? "Save" : "Create product"}
            </Button>
            {product && (
              <Button
                type="button"
                variant="danger"
                isLoading={remove.isPending}
                onClick={() => {
                  if (confirm(`Delete ${product.title}?`)) remove.mutate()
                }}
              >
                Delete
              </Button>
            )}
          </div>
        )}
      </form>
    </Page>
  )
}
