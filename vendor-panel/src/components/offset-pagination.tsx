import { Table } from "@medusajs/ui"

/** Medusa UI's table pagination for the vendor API's offset/limit lists (every list screen pages the same way). */
export function OffsetPagination({
  count,
  offset,
  pageSize,
  onOffset,
}: {
  count: number
  offset: number
  pageSize: number
  onOffset: (offset: number) => void
}) {
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={Math.floor(offset / pageSize)}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={offset > 0}
      canNextPage={offset + pageSize < count}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
    />
  )
}
