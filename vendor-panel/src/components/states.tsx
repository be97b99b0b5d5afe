import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { ExclamationCircle, MagnifyingGlass } from "@medusajs/icons"
import type { ReactNode } from "react"
import { errorMessage } from "../lib/client"

/** The loading state of a screen or a card: grey bars where the content will be. */
export function Loading({ rows = 4, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div className="flex flex-col gap-3 p-6" role="status" aria-label={label} data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-6 w-full" />
      ))}
    </div>
  )
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-10 text-center" role="alert" data-testid="error-state">
      <ExclamationCircle className="text-ui-fg-error" />
      <Text weight="plus">Something went wrong</Text>
      <Text size="small" className="text-ui-fg-subtle max-w-md">
        {errorMessage(error)}
      </Text>
      {retry && (
        <Button size="small" variant="secondary" onClick={retry}>
          Try again
        </Button>
      )}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-10 text-center" data-testid="empty-state">
      <MagnifyingGlass className="text-ui-fg-muted" />
      <Text weight="plus">{title}</Text>
      {children && <div className="text-ui-fg-subtle txt-small max-w-md">{children}</div>}
    </div>
  )
}

/** A query's three states around its content. */
export function QueryView<T>({
  query,
  children,
  rows,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown }
  children: (data: T) => ReactNode
  rows?: number
}) {
  if (query.isPending) return <Loading rows={rows} />
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />
  return <>{children(query.data as T)}</>
}

export function Page({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-4" data-testid={testId}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Heading level="h1">{title}</Heading>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  )
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: string
  actions?: ReactNode
  children: ReactNode
  className?: string
}) {
  return (
    <Container className={`divide-y p-0 ${className ?? ""}`}>
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          {title && <Heading level="h2">{title}</Heading>}
          {actions && <div className="flex items-center gap-2">{actions}</div>}
        </div>
      )}
      <div>{children}</div>
    </Container>
  )
}

/** A native select in Medusa UI's input style (keyboard- and test-friendly). */
export function NativeSelect(props: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      {...props}
      className={`bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base hover:bg-ui-bg-field-hover h-8 rounded-md px-2 outline-none focus-visible:shadow-borders-interactive-with-active ${props.className ?? ""}`}
    />
  )
}
