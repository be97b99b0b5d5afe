import "./index.css"
import { Toaster, TooltipProvider } from "@medusajs/ui"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { createBrowserRouter, Navigate, RouterProvider } from "react-router-dom"
import { Home, RequireAbility, Shell } from "./components/layout"
import { ActivityPage } from "./pages/activity"
import { ApplicationPage, ApplyPage, InvitePage } from "./pages/apply"
import { BalancePage } from "./pages/balance"
import { DashboardPage } from "./pages/dashboard"
import { LoginPage, ResetPasswordPage, VerifyEmailPage } from "./pages/login"
import { OrderDetailPage } from "./pages/order-detail"
import { OrdersPage } from "./pages/orders"
import { PayoutDetailPage, PayoutsPage } from "./pages/payouts"
import { ProductFormPage, ProductsPage } from "./pages/products"
import { ProfilePage } from "./pages/profile"
import { QuoteDetailPage, QuotesPage } from "./pages/quotes"
import { TeamPage } from "./pages/team"

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
        <RouterProvider router={router} />
        <Toaster />
      </TooltipProvider>
    </QueryClientProvider>
  </StrictMode>
)
