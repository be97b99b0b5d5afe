import { Button, Table, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Card, Empty, Page, QueryView } from "../components/states"
import { api, downloadCsv, errorMessage } from "../lib/client"
import { dateTime } from "../lib/format"
import { OffsetPagination } from "../components/offset-pagination"

const PAGE = 50

/** GET /vendor/audit-log: who changed what at this vendor (owners and admins), with CSV. */
export function ActivityPage() {
  const [offset, setOffset] = useState(0)
  const log = useQuery({
    queryKey: ["audit-log", offset],
    queryFn: () => api("/vendor/audit-log", { query: { limit: PAGE, offset } }),
    placeholderData: keepPreviousData,
  })
  return (
    <Page
      title="Activity"
      testId="activity"
      actions={
        <Button
          size="small"
          variant="secondary"
          onClick={() => downloadCsv("/vendor/audit-log", { limit: 1000 }, "audit-log.csv").catch((e) => toast.error(errorMessage(e)))}
        >
          CSV
        </Button>
      }
    >
      <Card>
        <QueryView query={log}>
          {(data: any) =>
            data.audit_entries.length === 0 ? (
              <Empty title="Nothing recorded yet" />
            ) : (
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>When</Table.HeaderCell>
                      <Table.HeaderCell>What</Table.HeaderCell>
                      <Table.HeaderCell>Who</Table.HeaderCell>
                      <Table.HeaderCell>On</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.audit_entries.map((e: any) => (
                      <Table.Row key={e.id}>
                        <Table.Cell>{dateTime(e.created_at)}</Table.Cell>
                        <Table.Cell>
                          <code className="txt-compact-xsmall">{e.action}</code>
                        </Table.Cell>
                        <Table.Cell>
                          <Text size="xsmall">{e.actor_type.replace(/_/g, " ")}</Text>
                        </Table.Cell>
                        <Table.Cell>
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {e.target_type} {e.target_id}
                          </Text>
                        </Table.Cell>
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
