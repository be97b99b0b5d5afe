import { Badge, Button, Heading, Text } from "@medusajs/ui"
import { Suspense, useState } from "react"
import { NavLink, Navigate, Outlet, useLocation, useNavigate } from "react-router-dom"
import { type Ability, can, type Me, useMe, useSignOut } from "../lib/session"
import { errorStatus, hasToken } from "../lib/client"
import { ErrorState, Loading } from "./states"
import { human, statusColor } from "../lib/format"

type NavItem = { to: string; label: string; ability?: Ability; testId: string }

/** The screens, in the order of the sidebar; each is hidden from roles that cannot use it. */
export const NAV: NavItem[] = [
  { to: "/dashboard", label: "Dashboard", ability: "finance", testId: "nav-dashboard" },
  { to: "/orders", label: "Orders", ability: "orders", testId: "nav-orders" },
  { to: "/quotes", label: "Quotes", ability: "orders", testId: "nav-quotes" },
  { to: "/products", label: "Products", testId: "nav-products" },
  { to: "/balance", label: "Balance", ability: "finance", testId: "nav-balance" },
  { to: "/payouts", label: "Payouts", ability: "finance", testId: "nav-payouts" },
  { to: "/team", label: "Team", testId: "nav-team" },
  { to: "/activity", label: "Activity", ability: "managers", testId: "nav-activity" },
  { to: "/profile", label: "Profile", testId: "nav-profile" },
]

export const visibleNav = (me: Me | undefined) => NAV.filter((n) => !n.ability || can(me, n.ability))

/** Signed-in screens: the member's vendor, the sidebar (a top bar on tablets), and the screen. */
export function Shell() {
  const me = useMe()
  const location = useLocation()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)

  if (!hasToken()) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  if (me.isPending) return <Loading rows={6} label="Signing in…" />
  if (me.isError) {
    if (errorStatus(me.error) === 401) {
      void signOut()
      return <Navigate to="/login" replace />
    }
    return <ErrorState error={me.error} retry={() => me.refetch()} />
  }
  const data = me.data!
  const items = visibleNav(data)
  const nav = (
    <nav className="flex flex-col gap-1" aria-label="Main">
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          data-testid={item.testId}
          onClick={() => setOpen(false)}
          className={({ isActive }) =>
            `txt-compact-small-plus rounded-md px-3 py-2 transition-colors ${isActive ? "bg-ui-bg-base shadow-elevation-card-rest text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"}`
          }
        >
          {item.label}
        </NavLink>
      ))}
    </nav>
  )
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <aside className="border-ui-border-base bg-ui-bg-subtle flex flex-col gap-4 border-b p-4 lg:sticky lg:top-0 lg:h-screen lg:w-60 lg:shrink-0 lg:self-start lg:border-b-0 lg:border-r">
        <div className="flex items-center justify-between gap-2">
          <div className="min-w-0">
            <Heading level="h3" className="truncate" data-testid="vendor-name">
              {data.vendor.name}
            </Heading>
            <Text size="xsmall" className="text-ui-fg-subtle truncate" data-testid="member-email">
              {data.member.email} · {data.member.role}
            </Text>
          </div>
          <Button variant="secondary" size="small" className="lg:hidden" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            Menu
          </Button>
        </div>
        <div className={`${open ? "block" : "hidden"} lg:block`}>{nav}</div>
        <div className={`${open ? "block" : "hidden"} mt-auto lg:block`}>
          <Button
            variant="transparent"
            size="small"
            data-testid="sign-out"
            onClick={async () => {
              await signOut()
              navigate("/login")
            }}
          >
            Sign out
          </Button>
        </div>
      </aside>
      <main className="flex min-w-0 flex-1 flex-col gap-4 p-4 lg:p-8">
        {data.vendor.status !== "active" && (
          <div
            className="bg-ui-bg-base shadow-elevation-card-rest flex flex-wrap items-center gap-2 rounded-lg px-4 py-3"
            data-testid="vendor-status-banner"
          >
            <Badge color={statusColor(data.vendor.status)}>{human(data.vendor.status)}</Badge>
            <Text size="small">
              {data.vendor.status === "pending"
                ? "Your application is being reviewed. Until it is approved the panel is read-only, except your profile and payout account."
                : `This vendor is ${data.vendor.status}: the panel is read-only.`}
            </Text>
            <NavLink to="/application" className="txt-small text-ui-fg-interactive">
              Application status
            </NavLink>
          </div>
        )}
        <Suspense fallback={<Loading rows={6} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}

/** "/": the first screen the member's role may use. */
export function Home() {
  const me = useMe()
  if (me.isPending && hasToken()) return <Loading />
  const first = visibleNav(me.data)[0]
  return <Navigate to={first?.to ?? "/profile"} replace />
}

/** A screen only some roles may use: the others get an explanation (the API would answer 403 anyway). */
export function RequireAbility({ ability, children }: { ability: Ability; children: React.ReactNode }) {
  const me = useMe()
  if (!me.data) return null
  if (!can(me.data, ability))
    return (
      <div className="p-6" data-testid="forbidden">
        <Heading level="h2">Not available for your role</Heading>
        <Text className="text-ui-fg-subtle">
          The {me.data.member.role} role cannot open this screen. Ask an owner of {me.data.vendor.name}.
        </Text>
      </div>
    )
  return <>{children}</>
}
