import { useQuery, useQueryClient } from "@tanstack/react-query"
import { api, clearToken, errorStatus, hasToken } from "./client"

export type Role = "owner" | "admin" | "catalog" | "orders" | "finance"

export type Me = {
  member: { id: string; email: string; role: Role; first_name: string | null; last_name: string | null; phone: string | null }
  vendor: { id: string; handle: string; name: string; status: string; email?: string; [k: string]: unknown }
}

/**
 * Who may see what, mirroring src/api/vendor/roles.ts. The panel hides what a
 * role cannot use; the API stays the authority (it answers 403 regardless).
 */
export const ROLES = {
  orders: ["owner", "admin", "orders", "finance"],
  handleOrders: ["owner", "admin", "orders"],
  catalog: ["owner", "admin", "catalog"],
  finance: ["owner", "admin", "finance"],
  managers: ["owner", "admin"],
} satisfies Record<string, Role[]>

export type Ability = keyof typeof ROLES
export const can = (me: Me | undefined, ability: Ability) => !!me && (ROLES[ability] as Role[]).includes(me.member.role)

export const ME_KEY = ["vendor-me"]

/** GET /vendor/me: the signed-in member and the vendor; undefined without a token. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    enabled: hasToken(),
    queryFn: () => api<Me>("/vendor/me"),
    retry: (count, e) => errorStatus(e) !== 401 && errorStatus(e) !== 403 && count < 2,
    staleTime: 30_000,
  })
}

export function useSignOut() {
  const qc = useQueryClient()
  return async () => {
    await clearToken()
    qc.clear()
  }
}
