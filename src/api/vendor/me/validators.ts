import { VENDOR_MEMBER_CATEGORIES } from "../../../modules/notification-preference/categories"
import { notificationPreferencesBody } from "../../utils/notification-preferences"

/** POST /vendor/me/notification-preferences: orders, payouts, account. */
export const VendorMemberNotificationPreferences = notificationPreferencesBody(VENDOR_MEMBER_CATEGORIES)
