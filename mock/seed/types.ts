/**
 * The shape of the seeded demo city. The server's seeding code reads a
 * `DemoCity` and turns it into rows; this file is the contract between them.
 */
import type { MatterType, CaseKind, Audience, StaffRole } from '../../types/enums'
import type { OpeningPeriod } from '../../types/catalog'
import type { ProcessStep, FeeItem, Faq, MatterFlags } from '../../types/matters'
import type { FormField } from '../../types/prereviews'
export interface FormSpec { title: string; fields: Array<{ label: string; sample: string }>; notes: string[] }
export interface SeedDocument { fileName: string; form: FormSpec }  // rendered to PDF by renderFormPdf
export interface SeedDepartment { key: string; name: string; shortName: string; creditCode: string; phone: string }
export interface SeedHall { key: string; name: string; address: string; latitude: number; longitude: number; phone: string; hoursText: string; openingPeriods: OpeningPeriod[]; transit: string; windows: Array<{ number: string; name: string; departmentKey: string | null }> }
export interface SeedMaterial { name: string; issuer: string; originals: number; copies: number; required: boolean; acceptsTolerance: boolean; notes: string; template: FormSpec | null; hasSample: boolean }
export interface SeedMatter { key: string; name: string; basicCode: string; implementationCode: string; type: MatterType; caseKind: CaseKind; departmentKey: string; hallKey: string; windowNumbers: string[]; legalLimitDays: number; promisedLimitDays: number; legalBasis: string; conditions: string[]; process: ProcessStep[]; materials: SeedMaterial[]; fee: { charged: boolean; basis: string; items: FeeItem[] }; consultPhone: string; supervisionPhone: string; faqs: Faq[]; flags: MatterFlags; visitsRequired: number; audiences: Audience[]; topics: string[]; keywords: string[] }
export interface SeedStaff { username: string; displayName: string; role: StaffRole; departmentKey: string | null; password: string }
export interface SeedBundle { key: string; name: string; description: string; audience: Audience; members: Array<{ matterKey: string; omit: string[] }> }
export interface DemoCity { departments: SeedDepartment[]; halls: SeedHall[]; matters: SeedMatter[]; staff: SeedStaff[]; bundles: SeedBundle[]; formFields: Record<string, FormField[]>; appointmentSlots?: SeedSlotPlan[] }
/** Weekly appointment slots of a matter (in its hall): one template per weekday and start time. */
export interface SeedSlotPlan { matterKey: string; weekdays: number[]; startTimes: string[]; lengthMinutes: number; capacity: number }
