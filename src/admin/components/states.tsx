import { Skeleton, Text } from "@medusajs/ui"

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
