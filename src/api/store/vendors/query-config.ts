/** The fields of a vendor that anyone may see. */
export const PUBLIC_VENDOR_FIELDS = ["id", "handle", "name", "description", "logo_url", "created_at"] as const
