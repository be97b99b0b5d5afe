// Moved to src/lib/errors (modules import only src/lib); kept for src/api's imports.
export { STATE_CONFLICT, isStateConflict, stateConflict } from "../lib/errors/state-conflict"
