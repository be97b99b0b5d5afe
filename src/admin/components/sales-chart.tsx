import { Text } from "@medusajs/ui"
import { money } from "../lib/format"

type Point = { period: string; gmv: number; order_count: number }

/**
 * GMV per period as bars, in plain SVG (no charting dependency): scaled to
 * the largest period, with the first, middle and last labels and a title
 * per bar for its exact figures.
 */
export function SalesChart({ series, currency }: { series: Point[]; currency: string }) {
  if (!series.length) return null
  const width = 720
  const height = 200
  const max = Math.max(...series.map((p) => p.gmv), 0) || 1
  const gap = series.length > 60 ? 0 : 2
  const bar = width / series.length
  const labels = [0, Math.floor((series.length - 1) / 2), series.length - 1]
  return (
    <div className="flex flex-col gap-1" data-testid="sales-chart">
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label="GMV per period">
        <line x1={0} x2={width} y1={height} y2={height} className="stroke-ui-border-base" />
        {series.map((p, i) => {
          const h = Math.max(0, (p.gmv / max) * (height - 10))
          return (
            <rect
              key={p.period}
              x={i * bar + gap / 2}
              y={height - h}
              width={Math.max(1, bar - gap)}
              height={h}
              className="fill-ui-fg-interactive"
            >
              <title>{`${p.period}: ${money(p.gmv, currency)}, ${p.order_count} orders`}</title>
            </rect>
          )
        })}
        {[...new Set(labels)].map((i) => (
          <text key={i} x={Math.min(width - 60, i * bar)} y={height + 15} className="fill-ui-fg-subtle text-[10px]">
            {series[i].period}
          </text>
        ))}
      </svg>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Highest period: {money(max, currency)}
      </Text>
    </div>
  )
}
