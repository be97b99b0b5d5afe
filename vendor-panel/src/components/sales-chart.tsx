import { Text } from "@medusajs/ui"
import { money } from "../lib/format"

type Point = { period: string; gmv: number | string; vendor_order_count?: number }

/** The sales chart: GMV per period as bars (SVG, no chart library), with the largest value as the scale. */
export function SalesChart({ series, currency }: { series: Point[]; currency: string }) {
  const values = series.map((p) => Number(p.gmv) || 0)
  const max = Math.max(0, ...values)
  const W = 720
  const H = 200
  const pad = 24
  const bw = series.length ? (W - pad * 2) / series.length : 0
  if (!series.length) return null
  return (
    <div className="flex flex-col gap-2" data-testid="sales-chart">
      <svg
        viewBox={`0 0 ${W} ${H + 24}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Sales per period, up to ${money(max, currency)}`}
      >
        <line x1={pad} x2={W - pad} y1={H} y2={H} className="stroke-ui-border-base" />
        {series.map((p, i) => {
          const v = values[i]
          const h = max > 0 ? (v / max) * (H - pad) : 0
          return (
            <g key={p.period}>
              <title>{`${p.period}: ${money(p.gmv, currency)}`}</title>
              <rect
                x={pad + i * bw + bw * 0.15}
                width={Math.max(1, bw * 0.7)}
                y={H - h}
                height={h}
                rx={2}
                className="fill-ui-fg-interactive"
              />
            </g>
          )
        })}
        <text x={pad} y={H + 18} className="fill-ui-fg-subtle text-[11px]">
          {series[0].period}
        </text>
        <text x={W - pad} y={H + 18} textAnchor="end" className="fill-ui-fg-subtle text-[11px]">
          {series[series.length - 1].period}
        </text>
      </svg>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Highest period: {money(max, currency)}
      </Text>
    </div>
  )
}
