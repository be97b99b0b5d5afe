import { CUSTOMER_CATEGORIES } from "../../../modules/notification-preference/categories"
import { notificationPreferencesBody } from "../../utils/notification-preferences"

/** POST /store/customers/me/notification-preferences: orders, shipping, stock_alerts, marketing. */
export const CustomerNotificationPreferences = notificationPreferencesBody(CUSTOMER_CATEGORIES)
