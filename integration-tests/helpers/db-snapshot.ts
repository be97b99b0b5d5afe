/**
 * A fingerprint of every table in the test database: its row count and a
 * hash of its rows. Two fingerprints taken around a refused request must be
 * equal ("nothing was written"); `diffSnapshots` names the tables that
 * changed, so a failure says where.
 *
 * Tables that change on any request whatever the outcome (Medusa's workflow
 * executions, which it keeps for failed runs too) are left out; so are the
 * migration bookkeeping tables.
 */
export type DbSnapshot = Record<string, string>

const ALWAYS_CHANGING = new Set(["workflow_execution", "mikro_orm_migrations", "script_migrations", "link_module_migrations"])

export async function snapshotDb(dbConnection: any, opts: { ignore?: string[] } = {}): Promise<DbSnapshot> {
  const ignore = new Set([...ALWAYS_CHANGING, ...(opts.ignore ?? [])])
  const { rows: tables } = await dbConnection.raw(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  )
  const names: string[] = tables.map((t: any) => t.table_name).filter((n: string) => !ignore.has(n))
  // One query for all tables keeps a snapshot at a few tens of milliseconds.
  const parts = names.map(
    (n) => `select '${n}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${n}" x`
  )
  const snapshot: DbSnapshot = {}
  for (let i = 0; i < parts.length; i += 100) {
    const { rows } = await dbConnection.raw(parts.slice(i, i + 100).join(" union all "))
    for (const r of rows) snapshot[r.t] = r.h
  }
  return snapshot
}

/** The tables whose rows differ between two snapshots. */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => before[k] !== after[k]).sort()
}
