import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { VENDOR_MODULE } from ".."
import type VendorModuleService from "../service"

jest.setTimeout(120_000)

/**
 * memberWithVendor, vendorAuth's one select per /vendor request: the same
 * objects as the ORM's listVendorMembers({ id }, { relations: ["vendor"] })
 * (the context GET /vendor/me answers with), and never a stale answer: a
 * removed member, a suspended or deleted vendor shows on the next call.
 */
moduleIntegrationTestRunner<VendorModuleService>({
  moduleName: VENDOR_MODULE,
  resolve: "./src/modules/vendor",
  testSuite: ({ service }) => {
    const suffix = () => Math.random().toString(36).slice(2)
    const vendorWithMember = async (extra: Record<string, unknown> = {}) => {
      const vendor = await service.createVendors({
        handle: `v-${suffix()}`,
        name: "Müller & Söhne",
        email: "owner@example.com",
        ...extra,
      } as any)
      const member = await service.createVendorMembers({
        vendor_id: vendor.id,
        email: `m-${suffix()}@example.com`,
        role: "finance",
        first_name: "Ada",
        phone: "+4915112345678",
      } as any)
      return { vendor, member }
    }

    /** What vendorAuth built from the ORM before: the member without its vendor, and the vendor. */
    const fromOrm = async (memberId: string) => {
      const [member] = await service.listVendorMembers({ id: memberId }, { relations: ["vendor"] })
      if (!member) return null
      const { vendor, ...rest } = member as any
      return { member: rest, vendor: vendor && !vendor.deleted_at ? vendor : null }
    }

    it("answers what the ORM loads: same keys in the same order, dates as Date, JSON parsed", async () => {
      const { vendor, member } = await vendorWithMember({
        address: { line1: "Hauptstraße 1", city: "Berlin", country_code: "de" },
        metadata: { tier: "gold", nested: { n: 1 } },
        require_member_mfa: true,
        status: "active",
        approved_at: new Date("2026-11-02T10:11:12.345Z"),
        order_sequence: 42,
        legal_name: "Müller & Söhne GmbH",
      })
      const got = await service.memberWithVendor(member.id)
      const orm = await fromOrm(member.id)
      expect(got).toEqual(orm)
      expect(JSON.stringify(got)).toBe(JSON.stringify(orm))
      expect(Object.keys(got!.member)).toEqual(Object.keys(orm!.member))
      expect(Object.keys(got!.vendor!)).toEqual(Object.keys(orm!.vendor))
      expect(got!.member.created_at).toBeInstanceOf(Date)
      expect(got!.vendor!.approved_at).toEqual(new Date("2026-11-02T10:11:12.345Z"))
      expect(got!.vendor).toMatchObject({
        id: vendor.id,
        require_member_mfa: true,
        order_sequence: 42,
        metadata: { tier: "gold", nested: { n: 1 } },
      })
      expect(got!.member).toMatchObject({ id: member.id, vendor_id: vendor.id, role: "finance", phone: "+4915112345678" })
    })

    it("matches the ORM for a vendor with every optional field empty", async () => {
      const { member } = await vendorWithMember()
      expect(JSON.stringify(await service.memberWithVendor(member.id))).toBe(JSON.stringify(await fromOrm(member.id)))
    })

    it("answers each member's own vendor only", async () => {
      const a = await vendorWithMember()
      const b = await vendorWithMember()
      expect((await service.memberWithVendor(a.member.id))!.vendor!.id).toBe(a.vendor.id)
      expect((await service.memberWithVendor(b.member.id))!.vendor!.id).toBe(b.vendor.id)
      expect(await service.memberWithVendor(`vmem_${suffix()}`)).toBeNull()
    })

    it("sees a removed member, a suspended vendor and a deleted vendor on the very next call (no cache)", async () => {
      const { vendor, member } = await vendorWithMember({ status: "active" })
      const other = await service.createVendorMembers({ vendor_id: vendor.id, email: `o-${suffix()}@example.com`, role: "owner" } as any)
      expect((await service.memberWithVendor(member.id))!.vendor!.status).toBe("active")

      await service.updateVendors({ id: vendor.id, status: "suspended" } as any)
      expect((await service.memberWithVendor(member.id))!.vendor!.status).toBe("suspended")

      await service.softDeleteVendorMembers([member.id])
      expect(await service.memberWithVendor(member.id)).toBeNull()
      expect(await fromOrm(member.id)).toBeNull()

      await service.softDeleteVendors([vendor.id])
      const found = await service.memberWithVendor(other.id)
      // vendorAuth answers 401 for a member whose vendor is gone, as it did with the ORM's answer.
      expect(found?.vendor ?? null).toBeNull()
      expect((await fromOrm(other.id))?.vendor ?? null).toBeNull()
    })
  },
})
