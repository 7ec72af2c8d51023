/**
 * Building blocks shared by the matter files: code numbering, and the
 * materials that recur across services (ID card, licence, power of attorney).
 */
import type { MatterType } from '../../../types/enums'
import { departments } from '../departments'
import type { FormSpec, SeedMaterial } from '../types'

/** 12345 政务服务便民热线 takes every supervision complaint in Gansu. */
export const SUPERVISION_PHONE = '12345'

/** Two-digit matter-type prefix of the basic code, after the national catalogue's practice. */
const TYPE_CODES: Record<MatterType, string> = {
  licensing: '00',
  levy: '03',
  payment: '04',
  confirmation: '07',
  reward: '08',
  ruling: '09',
  otherPower: '10',
  publicService: '20',
}

/** 事权层级 of the implementing organ: 4 = county level (县级). */
const COUNTY_LEVEL = '4'

/**
 * 基本编码 (12): type (2) + main item (5) + sub item (3) + business item (2).
 * 实施编码 (31): the department's credit code (18) + 事权层级 (1) + 基本编码.
 */
export function matterCodes(
  departmentKey: string,
  type: MatterType,
  main: number,
  sub = 0,
  item = 1,
): { basicCode: string; implementationCode: string } {
  const department = departments.find((d) => d.key === departmentKey)
  if (!department) throw new Error(`unknown department ${departmentKey}`)
  const basicCode =
    TYPE_CODES[type] + String(main).padStart(5, '0') + String(sub).padStart(3, '0') + String(item).padStart(2, '0')
  return { basicCode, implementationCode: department.creditCode + COUNTY_LEVEL + basicCode }
}

type MaterialOptions = Partial<Omit<SeedMaterial, 'name' | 'issuer' | 'template'>>

/** A certificate or document issued by someone else: no blank form, no sample. */
export function certificate(name: string, issuer: string, options: MaterialOptions = {}): SeedMaterial {
  return {
    name,
    issuer,
    originals: 1,
    copies: 1,
    required: true,
    acceptsTolerance: false,
    notes: '',
    ...options,
    template: null,
    hasSample: false,
  }
}

/** A form the applicant fills in: the blank template, and by default a filled sample. */
export function form(name: string, issuer: string, template: FormSpec, options: MaterialOptions = {}): SeedMaterial {
  return {
    name,
    issuer,
    originals: 1,
    copies: 0,
    required: true,
    acceptsTolerance: false,
    notes: '',
    hasSample: true,
    ...options,
    template,
  }
}

export function idCard(holder = '申请人', options: MaterialOptions = {}): SeedMaterial {
  return certificate(`${holder}居民身份证`, '公安机关', {
    notes: '在有效期内；窗口核验原件，网上申办上传正反面照片。',
    ...options,
  })
}

export function householdRegister(holder = '申请人', options: MaterialOptions = {}): SeedMaterial {
  return certificate(`${holder}居民户口簿`, '公安机关', {
    copies: 0,
    notes: '提供户主页及本人页。',
    ...options,
  })
}

export function businessLicense(options: MaterialOptions = {}): SeedMaterial {
  return certificate('营业执照', '市场监督管理部门', {
    originals: 0,
    notes: '复印件加盖公章；已领取电子营业执照的可出示电子营业执照，免交复印件。',
    ...options,
  })
}

const PRINCIPALS = {
  person: { name: '张明', id: '620981198503******', signature: '张明' },
  company: { name: '玉门市鑫源商贸有限公司', id: '91620981MA7XXXXXXX', signature: '（加盖公章）王建军' },
}

/** 授权委托书: optional unless the matter says otherwise; only when an agent applies. */
export function powerOfAttorney(
  matter: string,
  principal: keyof typeof PRINCIPALS = 'company',
  options: MaterialOptions = {},
): SeedMaterial {
  const who = PRINCIPALS[principal]
  return form(
    '授权委托书',
    '申请人',
    {
      title: '授权委托书',
      fields: [
        { label: '委托人（姓名/名称）', sample: who.name },
        { label: '委托人证件号码', sample: who.id },
        { label: '受托人姓名', sample: '李秀兰' },
        { label: '受托人身份证号码', sample: '620981199203******' },
        { label: '受托人联系电话', sample: '139****6618' },
        { label: '委托事项', sample: `代为办理${matter}，包括提交申请材料、签署相关文书、领取办理结果` },
        { label: '委托期限', sample: '2026年3月2日至2026年4月1日' },
        { label: '委托人签字（盖章）', sample: who.signature },
        { label: '日期', sample: '2026年3月2日' },
      ],
      notes: [
        '受托人须携带本人居民身份证原件办理。',
        '委托事项和权限须明确具体，不得超越委托人权限。',
        '委托人为自然人的，由委托人本人签字；为单位的，加盖单位公章。',
      ],
    },
    {
      required: false,
      notes: '委托他人代办时提交，同时核验受托人身份证原件。',
      ...options,
    },
  )
}

export function photo(spec: string, options: MaterialOptions = {}): SeedMaterial {
  return certificate(spec, '申请人自备', { originals: 1, copies: 0, ...options })
}
