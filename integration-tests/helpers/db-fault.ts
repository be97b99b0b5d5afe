const FAULT_FN = "lilium_test_fault"
const HITS = "lilium_test_fault_hits"

/**
 * Failure injection without mocks: a real PostgreSQL trigger that makes
 * `event` on `table` raise (only for rows where `when` holds for NEW, when
 * given), so the code under test fails exactly there. Each firing first
 * counts itself in a sequence (sequences are not transactional, so the count
 * survives the rollback): a test can wait with `faultHits` until a fault has
 * happened in a flow it does not drive, such as a subscriber. Returns the
 * function that drops the trigger again; call it in a `finally`.
 */
export async function injectFault(dbConnection: any, table: string, event: "INSERT" | "UPDATE", when = "true") {
  await dbConnection.raw(`create sequence if not exists ${HITS}`)
  await dbConnection.raw(`create or replace function ${FAULT_FN}() returns trigger language plpgsql as $$
    begin perform nextval('${HITS}'); raise exception 'injected fault: % on %', tg_op, tg_table_name; end $$`)
  await dbConnection.raw(
    `create trigger lilium_test_fault before ${event} on "${table}" for each row when (${when}) execute function ${FAULT_FN}()`
  )
  return async () => {
    // A transaction left open on the table would block the drop forever: fail instead.
    await dbConnection.transaction(async (trx: any) => {
      await trx.raw(`set local lock_timeout = '15s'`)
      await trx.raw(`drop trigger if exists lilium_test_fault on "${table}"`)
    })
  }
}

/** How many times an injected fault has fired so far (0 before the first). */
export async function faultHits(dbConnection: any): Promise<number> {
  const { rows } = await dbConnection.raw(`select last_value, is_called from ${HITS}`)
  return rows[0]?.is_called ? Number(rows[0].last_value) : 0
}
