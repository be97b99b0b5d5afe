import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Label, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryState } from "../components/states"
import { errorMessage, get, post } from "../lib/sdk"

type Settings = { marketplace_settings: { require_admin_mfa: boolean } }

/**
 * Store settings: "require two-factor authentication for admin users"
 * (GET|POST /admin/marketplace-settings). The API refuses to turn it on
 * before the operator has set up 2FA in their own profile.
 */
const RequireAdminMfaWidget = () => {
  const client = useQueryClient()
  const settings = useQuery({ queryKey: ["lilium-marketplace-settings"], queryFn: () => get<Settings>("/admin/marketplace-settings") })
  const save = useMutation({
    mutationFn: (on: boolean) => post<Settings>("/admin/marketplace-settings", { require_admin_mfa: on }),
    onSuccess: (data) => {
      client.setQueryData(["lilium-marketplace-settings"], data)
      toast.success(data.marketplace_settings.require_admin_mfa ? "2FA is now required for admin users" : "2FA is no longer required")
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Container className="divide-y p-0" data-testid="widget-require-admin-mfa">
      <div className="px-6 py-4">
        <Heading level="h2">Two-factor authentication</Heading>
      </div>
      {queryState(settings, { what: "The setting", rows: 1, empty: false }) ?? (
        <div className="flex items-start justify-between gap-4 px-6 py-4">
          <div>
            <Label htmlFor="require-admin-mfa">Require 2FA for every admin user</Label>
            <Text size="small" className="text-ui-fg-subtle">
              Admin users who did not sign in with an authenticator app are refused until they set one up in their profile. Set up your own
              first.
            </Text>
          </div>
          <Switch
            id="require-admin-mfa"
            checked={settings.data!.marketplace_settings.require_admin_mfa}
            disabled={save.isPending}
            onCheckedChange={(on) => save.mutate(on)}
          />
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "store.details.after" })

export default RequireAdminMfaWidget
