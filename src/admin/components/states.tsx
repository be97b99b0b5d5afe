import { Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../lib/sdk"

/** Loading rows while a table's first page arrives. */
export function LoadingRows({ rows = 5 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-3 px-6 py-4" data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-6 w-full" />
      ))}
    </div>
  )
}

/** What a table shows when there is nothing to list, or when its request failed. */
export function Empty({ title, description }: { title: string; description?: string }) {
  return (
    <div className="flex flex-col items-center gap-1 px-6 py-10 text-center" data-testid="empty">
      <Text weight="plus">{title}</Text>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
  )
}

/**
 * The loading, error and empty states of a query, the same on every page and
 * widget: what to show instead of the content, or null once there is content.
 */
export function queryState(
  query: { isLoading: boolean; isError: boolean; error: unknown },
  opts: { what: string; empty: ReactNode | false; rows?: number }
): ReactNode | null {
  if (query.isLoading) return <LoadingRows rows={opts.rows} />
  if (query.isError) return <Empty title={`${opts.what} could not be loaded`} description={errorMessage(query.error)} />
  return opts.empty || null
}
