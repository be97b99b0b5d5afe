import "./index.css"
import { Toaster, TooltipProvider } from "@medusajs/ui"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { lazy, StrictMode, Suspense } from "react"
import { createRoot } from "react-dom/client"
import { createBrowserRouter, Navigate, RouterProvider } from "react-router-dom"
import { Home, RequireAbility, Shell } from "./components/layout"
import { Loading } from "./components/states"
import { ApplicationPage, ApplyPage, InvitePage } from "./pages/apply"
import { LoginPage, ResetPasswordPage, VerifyEmailPage } from "./pages/login"

// Screens load on first use (the sign-in page and the shell come with the first bundle).
const ActivityPage = lazy(() => import("./pages/activity").then((m) => ({ default: m.ActivityPage })))
const BalancePage = lazy(() => import("./pages/balance").then((m) => ({ default: m.BalancePage })))
const DashboardPage = lazy(() => import("./pages/dashboard").then((m) => ({ default: m.DashboardPage })))
const OrderDetailPage = lazy(() => import("./pages/order-detail").then((m) => ({ default: m.OrderDetailPage })))
const OrdersPage = lazy(() => import("./pages/orders").then((m) => ({ default: m.OrdersPage })))
const PayoutDetailPage = lazy(() => import("./pages/payouts").then((m) => ({ default: m.PayoutDetailPage })))
const PayoutsPage = lazy(() => import("./pages/payouts").then((m) => ({ default: m.PayoutsPage })))
const ProductFormPage = lazy(() => import("./pages/products").then((m) => ({ default: m.ProductFormPage })))
const ProductsPage = lazy(() => import("./pages/products").then((m) => ({ default: m.ProductsPage })))
const ProfilePage = lazy(() => import("./pages/profile").then((m) => ({ default: m.ProfilePage })))
const QuoteDetailPage = lazy(() => import("./pages/quotes").then((m) => ({ default: m.QuoteDetailPage })))
const QuotesPage = lazy(() => import("./pages/quotes").then((m) => ({ default: m.QuotesPage })))
const TeamPage = lazy(() => import("./pages/team").then((m) => ({ default: m.TeamPage })))

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } })

// The paths the marketplace's e-mails link to (src/subscribers): /orders/:id, /payouts/:id, /settings/payouts, /invite?token=,
// /quotes/:id, /reset-password?token=&email=, /verify-email?token=&email=.
const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    { path: "/apply", element: <ApplyPage /> },
    { path: "/invite", element: <InvitePage /> },
    { path: "/reset-password", element: <ResetPasswordPage /> },
    { path: "/verify-email", element: <VerifyEmailPage /> },
    {
      element: <Shell />,
      children: [
        { index: true, element: <Home /> },
        { path: "/dashboard", element: <RequireAbility ability="finance" children={<DashboardPage />} /> },
        { path: "/orders", element: <RequireAbility ability="orders" children={<OrdersPage />} /> },
        { path: "/orders/:id", element: <RequireAbility ability="orders" children={<OrderDetailPage />} /> },
        { path: "/quotes", element: <RequireAbility ability="orders" children={<QuotesPage />} /> },
        { path: "/quotes/:id", element: <RequireAbility ability="orders" children={<QuoteDetailPage />} /> },
        { path: "/products", element: <ProductsPage /> },
        { path: "/products/:id", element: <ProductFormPage /> },
        { path: "/balance", element: <RequireAbility ability="finance" children={<BalancePage />} /> },
        { path: "/payouts", element: <RequireAbility ability="finance" children={<PayoutsPage />} /> },
        { path: "/payouts/:id", element: <RequireAbility ability="finance" children={<PayoutDetailPage />} /> },
        { path: "/settings/payouts", element: <RequireAbility ability="finance" children={<PayoutsPage />} /> },
        { path: "/team", element: <TeamPage /> },
        { path: "/activity", element: <RequireAbility ability="managers" children={<ActivityPage />} /> },
        { path: "/profile", element: <ProfilePage /> },
        { path: "/application", element: <ApplicationPage /> },
        { path: "*", element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, "") || "/" }
)

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <Suspense fallback={<Loading rows={6} />}>
          <RouterProvider router={router} />
        </Suspense>
        <Toaster />
      </TooltipProvider>
    </QueryClientProvider>
  </StrictMode>
)
