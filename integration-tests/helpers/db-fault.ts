const FAULT_FN = "lilium_test_fault"

/**
 * Failure injection without mocks: a real PostgreSQL trigger that makes
 * `event` on `table` raise (only for rows where `when` holds for NEW, when
 * given), so the code under test fails exactly there. Returns the function
 * that drops the trigger again; call it in a `finally`.
 */
export async function injectFault(dbConnection: any, table: string, event: "INSERT" | "UPDATE", when = "true") {
  await dbConnection.raw(`create or replace function ${FAULT_FN}() returns trigger language plpgsql as $$
    begin raise exception 'injected fault: % on %', tg_op, tg_table_name; end $$`)
  await dbConnection.raw(
    `create trigger lilium_test_fault before ${event} on "${table}" for each row when (${when}) execute function ${FAULT_FN}()`
  )
  return async () => {
    await dbConnection.raw(`drop trigger if exists lilium_test_fault on "${table}"`)
  }
}
