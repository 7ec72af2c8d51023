import { useStores } from '../../stores/context'
import { staffCasesOf, type StaffCaseStore } from '../../stores/StaffCaseStore'
import { staffOf, type StaffStore } from '../../stores/StaffStore'

/*
 * The staff journey's stores, built on first use. Only this subpackage
 * imports them, so their code ships here and not in the main package.
 */

export function useStaffCases(): StaffCaseStore {
  return staffCasesOf(useStores())
}

export function useStaffWorkbench(): StaffStore {
  return staffOf(useStores())
}
